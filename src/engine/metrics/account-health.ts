import { DAY_MS } from '../../core/activity.js';
import { emotionOf } from '../../core/frameworks/journey-map.js';
import { scoreTypology, type InteractionCount } from '../../core/scores/engagement-scoring.js';
import { healthScore, type HealthInputs, type HealthScoring } from '../../core/scores/health-scoring.js';
import { mapInSlices } from '../../platform/map-in-slices.js';
import type { EngineContext } from '../context.js';
import { effectiveDefinitions, findDefinition } from '../definitions/effective-definitions.js';

/**
 * The health of every account (or of the given ones) over the scoring window ending now, with
 * the score of the window before as its trend; lowest first, so those at risk lead. Accounts
 * without any data are left out.
 */
export async function accountHealth(context: EngineContext, workspaceId: string, groupIds?: readonly string[]) {
  const definitions = await effectiveDefinitions(context, workspaceId);
  const scoring = findDefinition(definitions, 'HealthScoring')!;
  const typology = findDefinition(definitions, 'EngagementScoring')!.typologies[0]!;
  const now = context.clock.now();
  const window = scoring.windowDays * DAY_MS;
  const renewals = await context.store.metrics.renewalDates(workspaceId, groupIds);
  const inputsAt = async (end: number) => {
    const counts = await context.store.metrics.interactionCounts(workspaceId, 'account', end - window, end, groupIds);
    const feedback = await context.store.metrics.accountFeedback(workspaceId, end - window, end, groupIds);
    const byAccount = new Map<string, InteractionCount[]>();
    for (const c of counts) {
      const mine = byAccount.get(c.subjectId);
      if (mine) mine.push(c);
      else byAccount.set(c.subjectId, [c]);
    }
    const emotions = new Map<string, number[]>();
    for (const f of feedback) {
      const emotion = emotionOf(f);
      if (emotion === null) continue;
      const felt = emotions.get(f.groupId);
      if (felt) felt.push(emotion);
      else emotions.set(f.groupId, [emotion]);
    }
    const ids = new Set([...byAccount.keys(), ...emotions.keys(), ...[...renewals].filter(([, at]) => at !== null).map(([id]) => id)]);
    return new Map(
      await mapInSlices([...ids], (groupId): [string, HealthInputs] => {
        const mine = byAccount.get(groupId) ?? [];
        const felt = emotions.get(groupId);
        const renewal = renewals.get(groupId) ?? null;
        return [
          groupId,
          {
            usage: mine.filter((c) => c.category === 'usage' && c.direction === 'inbound').reduce((n, c) => n + c.count, 0),
            engagement: mine.length ? scoreTypology(typology, mine).total : null,
            tickets: mine.filter((c) => c.name === 'Ticket Created').reduce((n, c) => n + c.count, 0),
            feedback: felt ? felt.reduce((a, b) => a + b, 0) / felt.length : null,
            daysToRenewal: renewal === null ? null : (renewal - end) / DAY_MS,
          },
        ];
      }),
    );
  };
  const [current, previous] = [await inputsAt(now), await inputsAt(now - window)];
  const scored = await mapInSlices([...current], ([groupId, inputs]) => {
    const health = healthScore(scoring, inputs);
    const before = previous.has(groupId) ? healthScore(scoring, previous.get(groupId)!).score : null;
    return { groupId, ...health, inputs, previousScore: before, trend: health.score === null || before === null ? null : health.score - before };
  });
  const items = scored
    .filter((item) => item.score !== null)
    .sort((a, b) => a.score! - b.score! || (a.groupId < b.groupId ? -1 : 1));
  return { scoring: scoring satisfies HealthScoring, from: now - window, to: now, items };
}
