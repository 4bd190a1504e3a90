import { Hono } from 'hono';
import { parseLifetimeValueInput } from '../../core/clv/lifetime-value-input.js';
import { validationError } from '../../core/errors.js';
import type { EngineContext } from '../../engine/context.js';
import { fitSummary, type LifetimeValueRow } from '../../core/clv/lifetime-value-report.js';
import { fitLifetimeValue, lifetimeValueTable } from '../../engine/metrics/lifetime-value.js';
import type { ApiVariables } from '../auth.js';
import { enumParam, intParam } from '../query-params.js';

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

  return app;
}

function sortRows(rows: LifetimeValueRow[], sort: (typeof CUSTOMER_SORTS)[number], order: 'asc' | 'desc'): LifetimeValueRow[] {
  const sign = order === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * (a[sort] - b[sort]) || a.id.localeCompare(b.id));
}
