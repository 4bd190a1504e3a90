import { Hono, type Context } from 'hono';
import { validationError } from '../../core/errors.js';
import type { EngineContext } from '../../engine/context.js';
import { engagementScores } from '../../engine/metrics/engagement-scores.js';
import { accountHealth } from '../../engine/metrics/account-health.js';
import type { ApiVariables } from '../auth.js';
import { enumParam, intParam } from '../query-params.js';

/** `/api/scores`: engagement scores (highest first) and account health (lowest first), a page at a time. */
export function scoreRoutes(context: EngineContext): Hono<{ Variables: ApiVariables }> {
  const app = new Hono<{ Variables: ApiVariables }>();
  app.get('/engagement', async (c) => {
    const workspaceId = c.get('workspaceId');
    const subject = enumParam(c, 'subject', ['account', 'contact'] as const) ?? 'account';
    const limit = intParam(c, 'limit', { min: 1, max: 1000, fallback: 50 });
    const offset = intParam(c, 'offset', { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 });
    if (subject === 'contact' && (c.req.query('segment') || c.req.query('model'))) throw validationError('invalid query', [{ path: 'segment', message: 'filters accounts only: pass subject=account' }]);
    const accounts = await context.store.metrics.audienceAccounts(workspaceId, audienceOf(c));
    const scores = await engagementScores(context, workspaceId, subject, c.req.query('typology') || undefined, accounts);
    const page = scores.items.slice(offset, offset + limit);
    const names = await Promise.all(
      page.map(async (item) => {
        if (subject === 'account') return (await context.store.accounts.find(workspaceId, item.subjectId))?.name ?? null;
        const contact = await context.store.contacts.findById(workspaceId, item.subjectId);
        return contact?.name ?? contact?.email ?? contact?.userIds[0] ?? null;
      }),
    );
    return c.json({ ...scores, items: page.map((item, i) => ({ ...item, name: names[i] })), total: scores.items.length, limit, offset });
  });
  app.get('/health', async (c) => {
    const workspaceId = c.get('workspaceId');
    const limit = intParam(c, 'limit', { min: 1, max: 1000, fallback: 50 });
    const offset = intParam(c, 'offset', { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 });
    const health = await accountHealth(context, workspaceId, await context.store.metrics.audienceAccounts(workspaceId, audienceOf(c)));
    const page = health.items.slice(offset, offset + limit);
    const names = await Promise.all(page.map(async (item) => (await context.store.accounts.find(workspaceId, item.groupId))?.name ?? null));
    return c.json({ ...health, items: page.map((item, i) => ({ ...item, name: names[i] })), total: health.items.length, limit, offset });
  });
  return app;
}

/** `segment` and `model`: the accounts of a segment of accounts, or with an engagement model. */
function audienceOf(c: Context) {
  const segment = c.req.query('segment') || undefined;
  const model = c.req.query('model') || undefined;
  return { ...(segment ? { segment } : {}), ...(model ? { model } : {}) };
}
