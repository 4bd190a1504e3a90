import { periodIndex } from './periods.js';

/**
 * NPS, CSAT and CES from survey responses (standard definitions; see docs/metrics.md).
 *
 * A response is a track event: `NPS Submitted`, or `Survey Responded` whose `survey`
 * property names the kind (`NPS`, `CSAT` or `CES`, in any case), with its score in `rating`
 * or `score`. A score off its kind's scale is left out: NPS 0–10, CSAT 1–5, CES 1–7.
 */
export const SURVEY_KINDS = ['nps', 'csat', 'ces'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export const SURVEY_EVENTS = { nps: 'NPS Submitted', any: 'Survey Responded' } as const;

export const SURVEY_SCALES: Readonly<Record<SurveyKind, { min: number; max: number }>> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
};

/** NPS: promoters answer 9–10, detractors 0–6; CSAT: satisfied answer 4–5. */
export const NPS_PROMOTER = 9;
export const NPS_DETRACTOR = 6;
export const CSAT_SATISFIED = 4;

/** Which kind of survey an event answers, from its name and `survey` property; null if none. */
export function surveyKindOf(event: string | null, survey: unknown): SurveyKind | null {
  if (event === SURVEY_EVENTS.nps) return 'nps';
  if (event !== SURVEY_EVENTS.any || typeof survey !== 'string') return null;
  const kind = survey.trim().toLowerCase();
  return (SURVEY_KINDS as readonly string[]).includes(kind) ? (kind as SurveyKind) : null;
}

/** Whether a score is on its kind's scale. */
export function onScale(kind: SurveyKind, score: number): boolean {
  return score >= SURVEY_SCALES[kind].min && score <= SURVEY_SCALES[kind].max;
}

/**
 * The counts a score is computed from. `positive` is promoters (NPS) or satisfied (CSAT),
 * `negative` detractors (NPS); `sum` is of the scores (for CES's average).
 */
export interface SurveyTally {
  responses: number;
  positive: number;
  negative: number;
  sum: number;
}

export const EMPTY_TALLY: SurveyTally = { responses: 0, positive: 0, negative: 0, sum: 0 };

/** Adds one on-scale response to a tally. */
export function tallyResponse(tally: SurveyTally, kind: SurveyKind, score: number): SurveyTally {
  const positive = kind === 'nps' ? score >= NPS_PROMOTER : kind === 'csat' ? score >= CSAT_SATISFIED : false;
  const negative = kind === 'nps' && score <= NPS_DETRACTOR;
  return { responses: tally.responses + 1, positive: tally.positive + (positive ? 1 : 0), negative: tally.negative + (negative ? 1 : 0), sum: tally.sum + score };
}

/**
 * The score of a tally, null without responses:
 * - NPS: % promoters − % detractors, −100 to 100;
 * - CSAT: % satisfied, 0 to 100;
 * - CES: the average score, 1 to 7.
 */
export function surveyScore(kind: SurveyKind, tally: SurveyTally): number | null {
  if (tally.responses === 0) return null;
  if (kind === 'nps') return (100 * (tally.positive - tally.negative)) / tally.responses;
  if (kind === 'csat') return (100 * tally.positive) / tally.responses;
  return tally.sum / tally.responses;
}

/** A stored event as survey scores read it. */
export interface SurveyEvent {
  name: string | null;
  /** Its `survey` property. */
  survey: unknown;
  /** Its `rating` (or `score`) property. */
  rating: number | null;
  at: number;
}

/** The reference the store's SQL is checked against: tallies per period of the boundaries. */
export function tallySurveyEvents(events: Iterable<SurveyEvent>, kind: SurveyKind, boundaries: readonly number[]): SurveyTally[] {
  const tallies = Array.from({ length: boundaries.length - 1 }, () => EMPTY_TALLY);
  for (const event of events) {
    const period = periodIndex(event.at, boundaries);
    if (period < 0 || event.rating === null || surveyKindOf(event.name, event.survey) !== kind || !onScale(kind, event.rating)) continue;
    tallies[period] = tallyResponse(tallies[period]!, kind, event.rating);
  }
  return tallies;
}

/** A score over a range and per period, as the API shows it. */
export interface SurveySeries {
  kind: SurveyKind;
  score: number | null;
  tally: SurveyTally;
  periods: ({ start: number; end: number; score: number | null } & SurveyTally)[];
}

export function surveySeries(kind: SurveyKind, tallies: readonly SurveyTally[], boundaries: readonly number[]): SurveySeries {
  const tally = tallies.reduce((sum, t) => ({ responses: sum.responses + t.responses, positive: sum.positive + t.positive, negative: sum.negative + t.negative, sum: sum.sum + t.sum }), EMPTY_TALLY);
  return {
    kind,
    score: surveyScore(kind, tally),
    tally,
    periods: tallies.map((t, i) => ({ start: boundaries[i]!, end: boundaries[i + 1]!, ...t, score: surveyScore(kind, t) })),
  };
}
