import type { Framework } from '../../core/frameworks/framework-definition.js';
import { currentStage, funnel } from '../../core/frameworks/funnel.js';
import { journeyMapOfCells } from '../../core/frameworks/journey-map.js';
import { notFound } from '../../core/errors.js';
import { periodBoundaries, periodIndex } from '../../core/metrics/periods.js';
import { mapInSlices } from '../../platform/map-in-slices.js';
import type { EngineContext } from '../context.js';
import { definitionsOf, effectiveDefinitions } from '../definitions/effective-definitions.js';
import type { MetricRange } from './period-metrics.js';

/** The frameworks in force: the workspace's own, or the shipped ones. */
export async function frameworksInForce(context: EngineContext, workspaceId: string): Promise<Framework[]> {
  return definitionsOf(await effectiveDefinitions(context, workspaceId), 'Framework');
}

async function frameworkById(context: EngineContext, workspaceId: string, id: string): Promise<Framework> {
  const framework = (await frameworksInForce(context, workspaceId)).find((f) => f.id === id);
  if (!framework) throw notFound(`framework ${id}`);
  return framework;
}

/**
 * A framework's funnel for the subjects who entered its first stage in the range (for an
 * audience), and the same funnel per cohort: the period they entered in.
 */
export async function frameworkFunnel(context: EngineContext, workspaceId: string, id: string, range: MetricRange) {
  const framework = await frameworkById(context, workspaceId, id);
  const boundaries = periodBoundaries(range.from, range.to, range.interval);
  const subjects = await context.store.metrics.stageTimes(workspaceId, framework, { from: boundaries[0]!, to: boundaries[boundaries.length - 1]!, audience: range.audience });
  const byCohort = boundaries.slice(0, -1).map((): typeof subjects => []);
  for (const s of subjects) byCohort[periodIndex(s.times[0]!, boundaries)]?.push(s);
  const overall = funnel(framework, subjects);
  // A cohort at a time, the event loop running between them.
  const cohorts = await mapInSlices(byCohort, (members, i) => ({ start: boundaries[i]!, end: boundaries[i + 1]!, ...funnel(framework, members) }), 1);
  return { framework, interval: range.interval, from: boundaries[0]!, to: boundaries[boundaries.length - 1]!, ...overall, cohorts };
}

/** One contact's or account's place in every framework of its kind: the current stage, since when, and each stage's time. */
export async function stagesOfSubject(context: EngineContext, workspaceId: string, subject: 'contact' | 'account', subjectId: string) {
  const frameworks = (await frameworksInForce(context, workspaceId)).filter((f) => f.subject === subject);
  return Promise.all(
    frameworks.map(async (framework) => {
      const [row] = await context.store.metrics.stageTimes(workspaceId, framework, { from: Number.MIN_SAFE_INTEGER, to: Number.MAX_SAFE_INTEGER, audience: {}, subjectIds: [subjectId] });
      const times = row?.times ?? framework.stages.map(() => null);
      return {
        framework: { id: framework.id, name: framework.name },
        current: currentStage(framework, times),
        stages: framework.stages.map((stage, k) => ({ id: stage.id, name: stage.name, reachedAt: times[k] ?? null })),
        loopedAt: row?.loopedAt ?? null,
      };
    }),
  );
}

/** The journey map of a framework for the subjects who entered it in the range: stages × touchpoints with volume and emotion, and the pain points. */
export async function frameworkJourneyMap(context: EngineContext, workspaceId: string, id: string, range: MetricRange) {
  const framework = await frameworkById(context, workspaceId, id);
  const boundaries = periodBoundaries(range.from, range.to, range.interval);
  const subjects = await context.store.metrics.stageTimes(workspaceId, framework, { from: boundaries[0]!, to: boundaries[boundaries.length - 1]!, audience: range.audience });
  const cells = await context.store.metrics.mapCells(workspaceId, framework, { from: boundaries[0]!, to: boundaries[boundaries.length - 1]!, audience: range.audience });
  return { framework, from: boundaries[0]!, to: boundaries[boundaries.length - 1]!, entered: subjects.length, ...journeyMapOfCells(framework, subjects, cells) };
}
