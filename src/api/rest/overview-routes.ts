import { Hono } from 'hono';
import type { EngineContext } from '../../engine/context.js';
import type { ApiVariables } from '../auth.js';
import { intParam } from '../query-params.js';

const DAY = 86_400_000;

/** `/api/overview`: totals and interactions per day and channel, for the dashboard's first page. */
export function overviewRoutes(context: EngineContext): Hono<{ Variables: ApiVariables }> {
  const app = new Hono<{ Variables: ApiVariables }>();
  app.get('/', async (c) => {
    const workspaceId = c.get('workspaceId');
    const days = intParam(c, 'days', { min: 1, max: 730, fallback: 90 });
    const to = Math.ceil(context.clock.now() / DAY) * DAY;
    const from = to - days * DAY;
    const [totals, activity] = [await context.store.timeline.totals(workspaceId), await context.store.timeline.dailyActivity(workspaceId, from, to)];
    return c.json({ totals, activity, from, to });
  });
  return app;
}
