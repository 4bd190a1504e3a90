import { Hono } from 'hono';
import type { EngineContext } from '../../engine/context.js';
import { frameworkFunnel, frameworkJourneyMap, frameworksInForce } from '../../engine/metrics/frameworks.js';
import type { ApiVariables } from '../auth.js';
import { metricRange } from '../metric-range.js';

/** `/api/frameworks`: the stage models in force, each one's funnel and its journey map. */
export function frameworkRoutes(context: EngineContext): Hono<{ Variables: ApiVariables }> {
  const app = new Hono<{ Variables: ApiVariables }>();
  app.get('/', async (c) => c.json({ items: await frameworksInForce(context, c.get('workspaceId')) }));
  app.get('/:id/funnel', async (c) => c.json(await frameworkFunnel(context, c.get('workspaceId'), c.req.param('id'), metricRange(c, context.clock.now(), 'month'))));
  app.get('/:id/journey-map', async (c) => c.json(await frameworkJourneyMap(context, c.get('workspaceId'), c.req.param('id'), metricRange(c, context.clock.now(), 'month'))));
  return app;
}
