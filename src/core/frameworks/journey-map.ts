import type { Framework } from './framework-definition.js';
import { funnel, type SubjectStages } from './funnel.js';

/**
 * A journey map (see docs/metrics.md): a framework's stages × touchpoints (channel and kind of
 * interaction), each with its volume, the subjects who used it, and the emotion there; with
 * each stage's drop-off, and the pain points where negative emotion or drop-off concentrate.
 * An interaction belongs to the stage its subject was in at the time (from reaching it until
 * reaching the next); interactions before the first stage are left out.
 */
export interface MapInteraction {
  subjectId: string;
  at: number;
  channel: string;
  category: string;
  name: string | null;
  sentiment: number | null;
  rating: number | null;
}

/** Emotion below this (−1..1) at a touchpoint is negative. */
export const NEGATIVE_EMOTION = -0.2;
/** A stage losing more than this share of those who reached the previous one is a pain point. */
export const HIGH_DROP_OFF = 0.5;
/** Touchpoints with fewer rated interactions than this are not judged. */
export const MIN_RATED = 3;

/**
 * The emotion an interaction expresses, −1..1: its sentiment when given, else its rating on
 * its scale (0–10 for NPS, 1–5 otherwise) around the scale's middle; null without either.
 */
export function emotionOf(i: Pick<MapInteraction, 'name' | 'sentiment' | 'rating'>): number | null {
  if (i.sentiment !== null) return i.sentiment;
  if (i.rating === null) return null;
  if (i.name === 'NPS Submitted' || i.rating > 5) return Math.max(-1, Math.min(1, (i.rating - 5) / 5));
  return Math.max(-1, Math.min(1, (i.rating - 3) / 2));
}

/** Which stage (index) a subject was in at `at`; -1 before the first. */
export function stageAt(times: readonly (number | null)[], at: number): number {
  let stage = -1;
  for (let k = 0; k < times.length; k++) if (times[k] !== null && times[k]! <= at) stage = k;
  return stage;
}

/** Interactions of one stage, channel and kind counted: what a journey map is drawn from. */
export interface MapCell {
  stage: number;
  channel: string;
  category: string;
  volume: number;
  subjects: number;
  /** The sum of the emotions of the interactions that have one, and how many do. */
  emotionSum: number;
  rated: number;
}

/** The reference the store's SQL is checked against: interactions counted into cells by the stage their subject was in. */
export function mapCells(subjects: readonly SubjectStages[], interactions: Iterable<MapInteraction>): MapCell[] {
  const times = new Map(subjects.map((s) => [s.subjectId, s.times]));
  const cells = new Map<string, MapCell & { seen: Set<string> }>();
  for (const i of interactions) {
    const stageTimes = times.get(i.subjectId);
    const stage = stageTimes ? stageAt(stageTimes, i.at) : -1;
    if (stage < 0) continue;
    const key = `${stage}\n${i.channel}\n${i.category}`;
    const cell = cells.get(key) ?? { stage, channel: i.channel, category: i.category, volume: 0, subjects: 0, emotionSum: 0, rated: 0, seen: new Set<string>() };
    cell.volume++;
    cell.seen.add(i.subjectId);
    cell.subjects = cell.seen.size;
    const emotion = emotionOf(i);
    if (emotion !== null) (cell.emotionSum += emotion), cell.rated++;
    cells.set(key, cell);
  }
  return sortCells([...cells.values()].map(({ seen: _, ...cell }) => cell));
}

export function sortCells(cells: MapCell[]): MapCell[] {
  return cells.sort((a, b) => a.stage - b.stage || (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
}

export function journeyMap(framework: Framework, subjects: readonly SubjectStages[], interactions: Iterable<MapInteraction>) {
  return journeyMapOfCells(framework, subjects, mapCells(subjects, interactions));
}

/** The map from its cells: touchpoints with their emotion, stages with drop-off, and the pain points. */
export function journeyMapOfCells(framework: Framework, subjects: readonly SubjectStages[], cells: readonly MapCell[]) {
  const flow = funnel(framework, subjects);
  const touchpoints = [...cells]
    .map((c) => ({ stage: framework.stages[c.stage]!.id, channel: c.channel, category: c.category, volume: c.volume, subjects: c.subjects, rated: c.rated, emotion: c.rated === 0 ? null : c.emotionSum / c.rated }))
    .sort((a, b) => framework.stages.findIndex((s) => s.id === a.stage) - framework.stages.findIndex((s) => s.id === b.stage) || b.volume - a.volume || (a.channel + a.category < b.channel + b.category ? -1 : 1));
  const painPoints = [
    ...flow.stages.flatMap((s, k) => {
      const before = k === 0 ? null : flow.stages[k - 1]!.reached;
      const share = before ? s.dropOff / before : 0;
      return k > 0 && share > HIGH_DROP_OFF ? [{ stage: s.stage, channel: null, category: null, reason: `${Math.round(share * 100)}% of those who reached ${flow.stages[k - 1]!.name} did not reach ${s.name}`, weight: share }] : [];
    }),
    ...touchpoints
      .filter((t) => t.emotion !== null && t.rated >= MIN_RATED && t.emotion < NEGATIVE_EMOTION)
      .map((t) => ({ stage: t.stage, channel: t.channel, category: t.category, reason: `negative emotion (${t.emotion!.toFixed(2)}) over ${t.rated} rated ${t.category} interactions on ${t.channel}`, weight: -t.emotion! })),
  ].sort((a, b) => b.weight - a.weight);
  return {
    stages: flow.stages.map((s) => {
      const here = touchpoints.filter((t) => t.stage === s.stage);
      const rated = here.reduce((n, t) => n + t.rated, 0);
      return { ...s, volume: here.reduce((n, t) => n + t.volume, 0), emotion: rated === 0 ? null : here.reduce((sum, t) => sum + (t.emotion ?? 0) * t.rated, 0) / rated };
    }),
    touchpoints,
    painPoints,
  };
}
