import { DAY_MS } from '../../core/activity.js';
import { explainScore, scoreTypology, type InteractionCount, type Typology } from '../../core/scores/engagement-scoring.js';
import { notFound } from '../../core/errors.js';
import { mapInSlices } from '../../platform/map-in-slices.js';
import type { EngineContext } from '../context.js';
import { effectiveDefinitions, findDefinition } from '../definitions/effective-definitions.js';

async function scoringInForce(context: EngineContext, workspaceId: string) {
  return findDefinition(await effectiveDefinitions(context, workspaceId), 'EngagementScoring')!;
}

function typologyOf(typologies: readonly Typology[], id: string | undefined): Typology {
  const typology = id === undefined ? typologies[0] : typologies.find((t) => t.id === id);
  if (!typology) throw notFound(`typology ${id}`);
  return typology;
}

const bySubject = (counts: readonly InteractionCount[]) => {
  const map = new Map<string, InteractionCount[]>();
  for (const c of counts) {
    const group = map.get(c.subjectId);
    if (group) group.push(c);
    else map.set(c.subjectId, [c]);
  }
  return map;
};

/**
 * Every subject's engagement score in a typology over the window ending now, with the score
 * of the window before (the trend), highest first; subjects without any interaction in
 * either window are left out.
 */
export async function engagementScores(context: EngineContext, workspaceId: string, subject: 'contact' | 'account', typologyId?: string, subjectIds?: readonly string[]) {
  const scoring = await scoringInForce(context, workspaceId);
  const typology = typologyOf(scoring.typologies, typologyId);
  const now = context.clock.now();
  const window = scoring.windowDays * DAY_MS;
  const [current, previous] = [
    bySubject(await context.store.metrics.interactionCounts(workspaceId, subject, now - window, now, subjectIds)),
    bySubject(await context.store.metrics.interactionCounts(workspaceId, subject, now - 2 * window, now - window, subjectIds)),
  ];
  const ids = [...new Set([...current.keys(), ...previous.keys()])];
  const scored = await mapInSlices(ids, (subjectId) => {
    const score = scoreTypology(typology, current.get(subjectId) ?? []);
    const before = scoreTypology(typology, previous.get(subjectId) ?? []);
    return { subjectId, total: score.total, previousTotal: before.total, trend: score.total - before.total, types: score.types, explanation: explainScore(score, scoring.windowDays) };
  });
  const items = scored.sort((a, b) => b.total - a.total || (a.subjectId < b.subjectId ? -1 : 1));
  return { typology: { id: typology.id, name: typology.name, types: typology.types }, typologies: scoring.typologies.map((t) => ({ id: t.id, name: t.name })), windowDays: scoring.windowDays, from: now - window, to: now, items };
}
