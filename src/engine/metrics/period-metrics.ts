import { conversionRate, type ConversionDefinition } from '../../core/metrics/conversion.js';
import { periodBoundaries, type Interval } from '../../core/metrics/periods.js';
import { reviewSummary } from '../../core/metrics/reviews.js';
import { historicalLifetimeValue, revenueRetention } from '../../core/metrics/revenue-retention.js';
import { timeToValueByCohort } from '../../core/metrics/time-to-value.js';
import { referralReport } from '../../core/metrics/referrals.js';
import { COHORT_EVENTS, retentionRate, type CohortKind } from '../../core/metrics/retention.js';
import { surveySeries, type SurveyKind, type SurveySeries } from '../../core/metrics/survey-scores.js';
import type { Audience } from '../../store/metrics/metric-sql.js';
import type { EngineContext } from '../context.js';

/** The range a metric is counted over: whole periods covering [from, to), for an audience. */
export interface MetricRange {
  from: number;
  to: number;
  interval: Interval;
  audience: Audience;
}

/** NPS, CSAT or CES over the range, and per period. */
export async function surveyScores(context: EngineContext, workspaceId: string, kind: SurveyKind, range: MetricRange): Promise<SurveySeries & { interval: Interval }> {
  const boundaries = periodBoundaries(range.from, range.to, range.interval);
  const tallies = await context.store.metrics.surveyTallies(workspaceId, kind, boundaries, range.audience);
  return { ...surveySeries(kind, tallies, boundaries), interval: range.interval };
}

export interface RetentionSettings {
  cohort: CohortKind;
  /** Replaces the cohort kind's event. */
  cohortEvent?: string;
  activityEvent?: string;
}

/** The cohort table over the range: each cohort's size, and active contacts and rates per period since. */
export async function retention(context: EngineContext, workspaceId: string, settings: RetentionSettings, range: MetricRange) {
  const boundaries = periodBoundaries(range.from, range.to, range.interval);
  const cohortEvent = settings.cohortEvent ?? COHORT_EVENTS[settings.cohort];
  const rows = await context.store.metrics.retention(workspaceId, boundaries, { cohortEvent, activityEvent: settings.activityEvent, audience: range.audience });
  return {
    interval: range.interval,
    cohortEvent,
    activityEvent: settings.activityEvent ?? null,
    from: boundaries[0]!,
    to: boundaries[boundaries.length - 1]!,
    cohorts: rows.map((row) => ({ ...row, rates: row.active.map((_, k) => retentionRate(row, k)) })),
  };
}

/** Conversion rate over the range and per period. */
export async function conversion(context: EngineContext, workspaceId: string, definition: ConversionDefinition, range: MetricRange) {
  const boundaries = periodBoundaries(range.from, range.to, range.interval);
  const counts = await context.store.metrics.conversions(workspaceId, definition, boundaries, range.audience);
  const total = counts.reduce((sum, c) => ({ visitors: sum.visitors + c.visitors, conversions: sum.conversions + c.conversions }), { visitors: 0, conversions: 0 });
  return {
    interval: range.interval,
    conversionEvent: definition.conversionEvent,
    visitEvent: definition.visitEvent ?? null,
    ...total,
    rate: conversionRate(total),
    periods: counts.map((c, i) => ({ start: boundaries[i]!, end: boundaries[i + 1]!, ...c, rate: conversionRate(c) })),
  };
}

/** Reviews over the range, per period and per source. */
export async function reviews(context: EngineContext, workspaceId: string, range: MetricRange) {
  const boundaries = periodBoundaries(range.from, range.to, range.interval);
  const counts = await context.store.metrics.reviews(workspaceId, boundaries, range.audience);
  const sources = [...new Set(counts.map((c) => c.source))].sort();
  return {
    interval: range.interval,
    ...reviewSummary(counts),
    periods: boundaries.slice(0, -1).map((start, i) => ({ start, end: boundaries[i + 1]!, ...reviewSummary(counts.filter((c) => c.period === i)) })),
    sources: sources.map((source) => ({ source, ...reviewSummary(counts.filter((c) => c.source === source)) })),
  };
}

/**
 * Churn and revenue retention per period and over the whole range, and the historical
 * lifetime value of an account from the range's months at the given gross margin.
 */
export async function revenue(context: EngineContext, workspaceId: string, margin: number, range: MetricRange) {
  const boundaries = periodBoundaries(range.from, range.to, range.interval);
  const end = boundaries[boundaries.length - 1]!;
  const changes = await context.store.metrics.mrrChanges(workspaceId, end, range.audience);
  const months = periodBoundaries(boundaries[0]!, end, 'month');
  return {
    interval: range.interval,
    total: revenueRetention(changes, [boundaries[0]!, end])[0]!,
    periods: revenueRetention(changes, boundaries),
    historical: historicalLifetimeValue(revenueRetention(changes, months), margin),
  };
}

/** Time from sign-up to the activation milestone, per sign-up cohort period. */
export async function timeToValueOfCohorts(context: EngineContext, workspaceId: string, events: { signup: string; activation: string }, range: MetricRange) {
  const boundaries = periodBoundaries(range.from, range.to, range.interval);
  const activations = await context.store.metrics.activations(workspaceId, events, boundaries[0]!, boundaries[boundaries.length - 1]!, range.audience);
  return { interval: range.interval, signupEvent: events.signup, activationEvent: events.activation, ...timeToValueByCohort(activations, boundaries) };
}

/** New customers by acquisition source, and referral events, per period. */
export async function referrals(context: EngineContext, workspaceId: string, cohortEvent: string, range: MetricRange) {
  const boundaries = periodBoundaries(range.from, range.to, range.interval);
  const customers = await context.store.metrics.newCustomers(workspaceId, cohortEvent, boundaries[0]!, boundaries[boundaries.length - 1]!, range.audience);
  const counts = await context.store.metrics.referralCounts(workspaceId, boundaries, range.audience);
  return { interval: range.interval, cohortEvent, ...referralReport(customers, counts, boundaries) };
}
