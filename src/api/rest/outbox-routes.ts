import { Hono } from 'hono';
import type { EngineContext } from '../../engine/context.js';
import type { ApiVariables } from '../auth.js';
import { intParam } from '../query-params.js';

/** `/api/outbox`: e-mail journeys would have sent, kept because no SMTP server is configured; newest first. */
export function outboxRoutes(context: EngineContext): Hono<{ Variables: ApiVariables }> {
  const app = new Hono<{ Variables: ApiVariables }>();
  app.get('/', async (c) => c.json({ items: await context.store.outbox.list(c.get('workspaceId'), intParam(c, 'limit', { min: 1, max: 500, fallback: 50 })) }));
  return app;
}
