import { Hono } from 'hono';
import { notFound } from '../../core/errors.js';
import { ACCOUNT_SORTS } from '../../store/accounts.js';
import type { EngineContext } from '../../engine/context.js';
import type { ApiVariables } from '../auth.js';
import { enumParam, intParam, numberParam } from '../query-params.js';

/** `/api/accounts`: list with filters and pages, one account with its contacts, its timeline. */
export function accountRoutes(context: EngineContext): Hono<{ Variables: ApiVariables }> {
  const app = new Hono<{ Variables: ApiVariables }>();
  const { store } = context;

  app.get('/', async (c) => {
    const limit = intParam(c, 'limit', { min: 1, max: 500, fallback: 50 });
    const offset = intParam(c, 'offset', { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 });
    const { items, total } = await store.accounts.list(c.get('workspaceId'), {
      q: c.req.query('q'),
      plan: c.req.query('plan'),
      industry: c.req.query('industry'),
      complexity: c.req.query('complexity'),
      ownerEmail: c.req.query('owner'),
      minMrr: numberParam(c, 'minMrr'),
      maxMrr: numberParam(c, 'maxMrr'),
      sort: enumParam(c, 'sort', ACCOUNT_SORTS),
      order: enumParam(c, 'order', ['asc', 'desc'] as const),
      limit,
      offset,
    });
    return c.json({ items, total, limit, offset });
  });

  app.get('/facets', async (c) => c.json(await store.accounts.facets(c.get('workspaceId'))));

  app.get('/:groupId', async (c) => {
    const workspaceId = c.get('workspaceId');
    const account = await store.accounts.find(workspaceId, c.req.param('groupId'));
    if (!account) throw notFound(`account ${c.req.param('groupId')}`);
    const contacts = await store.contacts.listOfAccount(workspaceId, account.groupId, 200);
    const model = (await store.accountModels.find(workspaceId, account.groupId)) ?? null;
    return c.json({ ...account, contacts, model });
  });

  app.get('/:groupId/model-history', async (c) => {
    const workspaceId = c.get('workspaceId');
    const groupId = c.req.param('groupId');
    if (!(await store.accounts.find(workspaceId, groupId))) throw notFound(`account ${groupId}`);
    return c.json({ items: await store.accountModels.history(workspaceId, groupId) });
  });

  app.get('/:groupId/timeline', async (c) => {
    const workspaceId = c.get('workspaceId');
    const groupId = c.req.param('groupId');
    if (!(await store.accounts.find(workspaceId, groupId))) throw notFound(`account ${groupId}`);
    const page = await store.timeline.ofAccount(workspaceId, groupId, {
      limit: intParam(c, 'limit', { min: 1, max: 500, fallback: 50 }),
      cursor: c.req.query('cursor'),
      channel: c.req.query('channel'),
    });
    return c.json(page);
  });

  return app;
}
