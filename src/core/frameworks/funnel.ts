import { median } from '../metrics/median.js';
import type { Framework, Stage } from './framework-definition.js';

/** A stage event that matches page calls, as Segment names a page view. */
export const PAGE_VIEWED = 'Page Viewed';

/** An event as stages read it. */
export interface StageEvent {
  type: string;
  name: string | null;
  at: number;
}

export function matchesStage(stage: Stage, event: Pick<StageEvent, 'type' | 'name'>): boolean {
  if (event.type === 'page') return stage.events.includes(PAGE_VIEWED);
  return event.type === 'track' && event.name !== null && stage.events.includes(event.name);
}

/** Whether the subject's traits hold the stage's values now. */
export function traitsHold(stage: Stage, traits: Record<string, unknown>): boolean {
  return (stage.traits ?? []).every((c) => traits[c.trait] === c.equals);
}

/**
 * When one subject reached each stage: the first of its events at or after the previous stage
 * was reached (the first stage: its first event), null from the first stage not reached.
 */
export function stageTimes(framework: Framework, events: readonly StageEvent[], traits: Record<string, unknown> = {}): (number | null)[] {
  const times: (number | null)[] = [];
  let after = -Infinity;
  for (const stage of framework.stages) {
    let reached: number | null = null;
    if (traitsHold(stage, traits)) {
      for (const event of events) if (event.at >= after && matchesStage(stage, event) && (reached === null || event.at < reached)) reached = event.at;
    }
    times.push(reached);
    if (reached === null) break;
    after = reached;
  }
  while (times.length < framework.stages.length) times.push(null);
  return times;
}

/**
 * When the subject went round the loop: the first event of the `loopTo` stage after reaching
 * the last stage (McKinsey's loyalty loop: buying again without evaluating again); null when
 * the framework has no loop or the subject has not.
 */
export function loopTime(framework: Framework, events: readonly StageEvent[], times: readonly (number | null)[]): number | null {
  const last = times[times.length - 1];
  const stage = framework.stages.find((s) => s.id === framework.loopTo);
  if (!stage || last === null || last === undefined) return null;
  let looped: number | null = null;
  for (const event of events) if (event.at > last && matchesStage(stage, event) && (looped === null || event.at < looped)) looped = event.at;
  return looped;
}

/** One subject's place: its stage times, and the furthest stage reached (and when). */
export interface SubjectStages {
  subjectId: string;
  times: (number | null)[];
  loopedAt: number | null;
}

export function currentStage(framework: Framework, times: readonly (number | null)[]): { stage: string; since: number } | null {
  for (let k = times.length - 1; k >= 0; k--) if (times[k] !== null && times[k] !== undefined) return { stage: framework.stages[k]!.id, since: times[k]! };
  return null;
}

/**
 * The funnel of subjects who entered the first stage: per stage, how many reached it, the
 * share of the previous stage's who did (conversion), how many stopped before it (drop-off),
 * how many are there now, and the median time spent in it before the next stage.
 */
export function funnel(framework: Framework, subjects: readonly SubjectStages[]) {
  const entered = subjects.filter((s) => s.times[0] !== null);
  const stages = framework.stages.map((stage, k) => {
    const reached = entered.filter((s) => s.times[k] !== null).length;
    const before = k === 0 ? entered.length : entered.filter((s) => s.times[k - 1] !== null).length;
    const next = framework.stages[k + 1] ? entered.filter((s) => s.times[k] !== null && s.times[k + 1] !== null) : [];
    return {
      stage: stage.id,
      name: stage.name,
      reached,
      conversion: before === 0 ? null : reached / before,
      dropOff: before - reached,
      current: entered.filter((s) => s.times[k] !== null && (k + 1 >= s.times.length || s.times[k + 1] === null)).length,
      medianTimeInStageMs: median(next.map((s) => s.times[k + 1]! - s.times[k]!)),
    };
  });
  const completed = entered.filter((s) => s.times[s.times.length - 1] !== null).length;
  const looped = entered.filter((s) => s.loopedAt !== null).length;
  return { entered: entered.length, stages, loop: framework.loopTo === undefined ? null : { to: framework.loopTo, looped, share: completed === 0 ? null : looped / completed } };
}
