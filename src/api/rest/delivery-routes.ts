import { Hono } from 'hono';
import { notFound, validationError } from '../../core/errors.js';
import { parseSuppressionInput } from '../../core/delivery/suppression-input.js';
import type { EngineContext } from '../../engine/context.js';
import type { ApiVariables } from '../auth.js';
import { enumParam, intParam } from '../query-params.js';

/**
 * `/api/suppressions`: the addresses that get no more e-mail, why, and since when; adding
 * (imports, an e-mail provider's bounces and complaints) and removing (a person who asked to
 * receive e-mail again). `/api/messages`: the message log, one contact's with `?contact=`.
 */
export function suppressionRoutes(context: EngineContext): Hono<{ Variables: ApiVariables }> {
  const app = new Hono<{ Variables: ApiVariables }>();
  app.get('/', async (c) => {
    const reason = enumParam(c, 'reason', ['unsubscribed', 'bounced', 'complained', 'manual'] as const);
    return c.json({ items: await context.store.delivery.suppressions(c.get('workspaceId'), { reason, limit: intParam(c, 'limit', { min: 1, max: 10_000, fallback: 200 }) }) });
  });
  app.post('/', async (c) => {
    const parsed = parseSuppressionInput(await c.req.json().catch(() => undefined));
    if (!parsed.ok) throw validationError('invalid suppressions', parsed.issues);
    const { addresses, reason, detail } = parsed.input;
    const by = c.get('user')?.email ?? 'api';
    const added = await context.store.delivery.suppress(c.get('workspaceId'), addresses.map((address) => ({ address, reason, detail })), by, context.clock.now());
    return c.json({ added, alreadySuppressed: new Set(addresses.map((a) => a.toLowerCase())).size - added }, 201);
  });
  app.delete('/:address', async (c) => {
    if (!(await context.store.delivery.unsuppress(c.get('workspaceId'), c.req.param('address')))) throw notFound(`suppression of ${c.req.param('address')}`);
    return c.body(null, 204);
  });
  return app;
}

export function messageLogRoutes(context: EngineContext): Hono<{ Variables: ApiVariables }> {
  const app = new Hono<{ Variables: ApiVariables }>();
  app.get('/', async (c) =>
    c.json({ items: await context.store.delivery.messages(c.get('workspaceId'), { contactId: c.req.query('contact') || undefined, limit: intParam(c, 'limit', { min: 1, max: 1000, fallback: 100 }) }) }),
  );
  return app;
}
