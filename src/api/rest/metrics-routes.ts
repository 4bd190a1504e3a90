import { Hono } from 'hono';
import { parseLifetimeValueInput } from '../../core/clv/lifetime-value-input.js';
import { validationError } from '../../core/errors.js';
import type { EngineContext } from '../../engine/context.js';
import { fitSummary, type LifetimeValueRow } from '../../core/clv/lifetime-value-report.js';
import { fitLifetimeValue, lifetimeValueTable } from '../../engine/metrics/lifetime-value.js';
import type { ApiVariables } from '../auth.js';
import { COHORT_EVENTS, type CohortKind } from '../../core/metrics/retention.js';
import { SURVEY_KINDS } from '../../core/metrics/survey-scores.js';
import { DEFAULT_CONVERSION_EVENT } from '../../core/metrics/conversion.js';
import { DEFAULT_ACTIVATION_EVENT, DEFAULT_SIGNUP_EVENT } from '../../core/metrics/time-to-value.js';
import { conversion, referrals, retention, revenue, reviews, surveyScores, timeToValueOfCohorts } from '../../engine/metrics/period-metrics.js';
import { metricRange } from '../metric-range.js';
import { enumParam, intParam, numberParam } from '../query-params.js';

const CUSTOMER_SORTS = ['clv', 'probabilityAlive', 'expectedPurchases', 'expectedAverageValue', 'frequency', 'recency', 'T'] as const;

/** `/api/metrics`: predictive lifetime value, fitted on demand and read from the latest fit. */
export function metricRoutes(context: EngineContext): Hono<{ Variables: ApiVariables }> {
  const app = new Hono<{ Variables: ApiVariables }>();

  app.get('/lifetime-value', async (c) => {
    const fit = await context.store.lifetimeValueFits.latest(c.get('workspaceId'));
    return c.json({ fit: fit && fitSummary(fit) });
  });

  app.post('/lifetime-value', async (c) => {
    const parsed = parseLifetimeValueInput(await c.req.json().catch(() => undefined), context.clock.now());
    if (!parsed.ok) throw validationError('invalid lifetime-value settings', parsed.issues);
    const table = await fitLifetimeValue(context, c.get('workspaceId'), parsed.settings);
    return c.json({ fit: fitSummary(table.fit) }, 201);
  });

  app.get('/lifetime-value/customers', async (c) => {
    const sort = enumParam(c, 'sort', CUSTOMER_SORTS) ?? 'clv';
    const order = enumParam(c, 'order', ['asc', 'desc'] as const) ?? 'desc';
    const limit = intParam(c, 'limit', { min: 1, max: 10_000, fallback: 50 });
    const offset = intParam(c, 'offset', { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 });
    const table = await lifetimeValueTable(context, c.get('workspaceId'));
    const customers = table ? sortRows(table.customers, sort, order) : [];
    return c.json({ fit: table && fitSummary(table.fit), items: customers.slice(offset, offset + limit), total: customers.length, limit, offset });
  });

  app.get('/surveys/:kind', async (c) => {
    const kind = SURVEY_KINDS.find((k) => k === c.req.param('kind'));
    if (!kind) throw validationError(`unknown survey ${c.req.param('kind')}`, [{ path: 'kind', message: `must be one of ${SURVEY_KINDS.join(', ')}` }]);
    return c.json(await surveyScores(context, c.get('workspaceId'), kind, metricRange(c, context.clock.now(), 'month')));
  });

  app.get('/conversion', async (c) => {
    const definition = { conversionEvent: c.req.query('conversionEvent') || DEFAULT_CONVERSION_EVENT, ...(c.req.query('visitEvent') ? { visitEvent: c.req.query('visitEvent')! } : {}) };
    return c.json(await conversion(context, c.get('workspaceId'), definition, metricRange(c, context.clock.now(), 'month')));
  });

  app.get('/reviews', async (c) => c.json(await reviews(context, c.get('workspaceId'), metricRange(c, context.clock.now(), 'month'))));

  app.get('/revenue', async (c) => {
    const margin = numberParam(c, 'margin') ?? 1;
    if (margin < 0 || margin > 1) throw validationError('invalid query parameter margin', [{ path: 'margin', message: 'must be a number from 0 to 1' }]);
    return c.json(await revenue(context, c.get('workspaceId'), margin, metricRange(c, context.clock.now(), 'month')));
  });

  app.get('/time-to-value', async (c) => {
    const events = { signup: c.req.query('signupEvent') || DEFAULT_SIGNUP_EVENT, activation: c.req.query('activationEvent') || DEFAULT_ACTIVATION_EVENT };
    return c.json(await timeToValueOfCohorts(context, c.get('workspaceId'), events, metricRange(c, context.clock.now(), 'month')));
  });

  app.get('/referrals', async (c) => c.json(await referrals(context, c.get('workspaceId'), c.req.query('cohortEvent') || COHORT_EVENTS.signup, metricRange(c, context.clock.now(), 'month'))));

  app.get('/retention', async (c) => {
    const cohort = enumParam(c, 'cohort', Object.keys(COHORT_EVENTS) as CohortKind[]) ?? 'signup';
    const settings = { cohort, cohortEvent: c.req.query('cohortEvent') || undefined, activityEvent: c.req.query('activityEvent') || undefined };
    return c.json(await retention(context, c.get('workspaceId'), settings, metricRange(c, context.clock.now(), 'week')));
  });

  return app;
}

function sortRows(rows: LifetimeValueRow[], sort: (typeof CUSTOMER_SORTS)[number], order: 'asc' | 'desc'): LifetimeValueRow[] {
  const sign = order === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * (a[sort] - b[sort]) || a.id.localeCompare(b.id));
}
