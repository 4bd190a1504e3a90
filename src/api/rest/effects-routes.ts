import { Hono } from 'hono';
import { notFound } from '../../core/errors.js';
import type { EngineContext } from '../../engine/context.js';
import type { ApiVariables } from '../auth.js';
import { enumParam, intParam } from '../query-params.js';

const STATUSES = ['pending', 'done', 'failed', 'dead'] as const;
const KINDS = ['email', 'in-app', 'webhook', 'task', 'set-trait', 'change-model'] as const;

/**
 * `/api/effects`: the journeys' ledger of effects, in the order they were created.
 * `?status=dead` is the dead-letter list — what was given up, with its last error — and
 * `POST /api/effects/{key}/retry` gives one a fresh start once its cause is fixed.
 */
export function effectRoutes(context: EngineContext): Hono<{ Variables: ApiVariables }> {
  const app = new Hono<{ Variables: ApiVariables }>();
  app.get('/', async (c) =>
    c.json({
      items: await context.store.journeys.effects.list(c.get('workspaceId'), {
        status: enumParam(c, 'status', STATUSES),
        kind: enumParam(c, 'kind', KINDS),
        runId: c.req.query('run') || undefined,
        limit: intParam(c, 'limit', { min: 1, max: 1000, fallback: 200 }),
      }),
    }),
  );
  app.post('/:key/retry', async (c) => {
    const key = c.req.param('key');
    if (!(await context.store.journeys.effects.retry(c.get('workspaceId'), key, context.clock.now()))) throw notFound(`a dead or failed effect ${key}`);
    return c.json({ key, status: 'pending' });
  });
  return app;
}

/** `/api/webhook-secret`: the key webhook requests are signed with, for the receiver to check them (docs/messages.md). */
export function webhookSecretRoutes(context: EngineContext): Hono<{ Variables: ApiVariables }> {
  const app = new Hono<{ Variables: ApiVariables }>();
  app.get('/', async (c) => {
    const secret = await context.store.delivery.secret(c.get('workspaceId'), 'webhooks', () => context.ids.secret('whsec_'), context.clock.now());
    return c.json({ secret, header: 'Touchpoint-Signature', format: 't=UNIX_SECONDS,v1=HEX(HMAC_SHA256(secret, t + "." + body))' });
  });
  return app;
}
