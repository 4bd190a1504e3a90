import { DAY_MS } from '../../core/activity.js';
import { COHORT_EVENTS } from '../../core/metrics/retention.js';
import { DEFAULT_CONVERSION_EVENT } from '../../core/metrics/conversion.js';
import { DEFAULT_ACTIVATION_EVENT, DEFAULT_SIGNUP_EVENT } from '../../core/metrics/time-to-value.js';
import { GOAL_METRICS, goalStatus, type Goal } from '../../core/goals/goal-definition.js';
import { nextPeriod, periodStart } from '../../core/metrics/periods.js';
import type { EngineContext } from '../context.js';
import { definitionsOf, effectiveDefinitions } from '../definitions/effective-definitions.js';
import { conversion, referrals, revenue, reviews, surveyScores, timeToValueOfCohorts, type MetricRange } from './period-metrics.js';

const percent = (share: number | null) => (share === null ? null : 100 * share);

/** A goal's metric over one range, in the goal's unit. */
async function goalValue(context: EngineContext, workspaceId: string, goal: Goal, range: MetricRange): Promise<number | null> {
  switch (goal.metric) {
    case 'nps':
    case 'csat':
    case 'ces':
      return (await surveyScores(context, workspaceId, goal.metric, range)).score;
    case 'conversion-rate':
      return (await conversion(context, workspaceId, { conversionEvent: goal.conversionEvent ?? DEFAULT_CONVERSION_EVENT }, range)).rate;
    case 'net-revenue-retention':
      return percent((await revenue(context, workspaceId, 1, range)).total.netRevenueRetention);
    case 'gross-revenue-retention':
      return percent((await revenue(context, workspaceId, 1, range)).total.grossRevenueRetention);
    case 'logo-churn':
      return percent((await revenue(context, workspaceId, 1, range)).total.logoChurnRate);
    case 'time-to-value-days': {
      const median = (await timeToValueOfCohorts(context, workspaceId, { signup: DEFAULT_SIGNUP_EVENT, activation: DEFAULT_ACTIVATION_EVENT }, range)).medianMs;
      return median === null ? null : median / DAY_MS;
    }
    case 'activation-rate':
      return percent((await timeToValueOfCohorts(context, workspaceId, { signup: DEFAULT_SIGNUP_EVENT, activation: DEFAULT_ACTIVATION_EVENT }, range)).activationRate);
    case 'new-customers':
      return (await referrals(context, workspaceId, COHORT_EVENTS.signup, range)).newCustomers;
    case 'referrals-sent':
      return (await referrals(context, workspaceId, COHORT_EVENTS.signup, range)).referralsSent;
    case 'average-rating':
      return (await reviews(context, workspaceId, range)).averageRating;
  }
}

/** Every goal in force with its value this period and last, its target and benchmark, and whether it is on track. */
export async function goalProgress(context: EngineContext, workspaceId: string) {
  const goals = definitionsOf(await effectiveDefinitions(context, workspaceId), 'Goal');
  const now = context.clock.now();
  return Promise.all(
    goals.map(async (goal) => {
      const start = periodStart(now, goal.period);
      const end = nextPeriod(start, goal.period);
      const previousStart = periodStart(start - 1, goal.period);
      const audience = { ...(goal.segment ? { segment: goal.segment } : {}), ...(goal.model ? { model: goal.model } : {}) };
      const value = await goalValue(context, workspaceId, goal, { from: start, to: end, interval: goal.period, audience });
      const previous = await goalValue(context, workspaceId, goal, { from: previousStart, to: start, interval: goal.period, audience });
      const elapsed = (now - start) / (end - start);
      return { goal, unit: GOAL_METRICS[goal.metric].unit, better: GOAL_METRICS[goal.metric].better, start, end, elapsed, value, previous, ...goalStatus(goal, value, elapsed) };
    }),
  );
}
