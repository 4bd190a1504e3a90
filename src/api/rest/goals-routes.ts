import { Hono } from 'hono';
import type { EngineContext } from '../../engine/context.js';
import { goalProgress } from '../../engine/metrics/goals.js';
import type { ApiVariables } from '../auth.js';

/** `/api/goals`: each goal's progress this period, with a warning status when it is off track. */
export function goalRoutes(context: EngineContext): Hono<{ Variables: ApiVariables }> {
  const app = new Hono<{ Variables: ApiVariables }>();
  app.get('/', async (c) => c.json({ items: await goalProgress(context, c.get('workspaceId')) }));
  return app;
}
