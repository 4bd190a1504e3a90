import { Hono } from 'hono';
import { notFound, validationError } from '../../core/errors.js';
import type { AccountWithContacts } from '../../core/records.js';
import { reassignOwner } from '../../engine/team/account-owners.js';
import { ACCOUNT_SORTS } from '../../store/accounts.js';
import type { EngineContext } from '../../engine/context.js';
import { stagesOfSubject } from '../../engine/metrics/frameworks.js';
import { engagementScores } from '../../engine/metrics/engagement-scores.js';
import { accountHealth } from '../../engine/metrics/account-health.js';
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
    const owned = await store.team.owner(workspaceId, account.groupId);
    const member = owned ? await store.team.find(workspaceId, owned.memberId) : undefined;
    const owner = owned && member ? { memberId: member.id, name: member.name, email: member.email, reason: owned.reason, since: owned.since } : null;
    const escalation = await store.escalations.find(workspaceId, account.groupId);
    const openTasks = await store.tasks.list(workspaceId, { groupId: account.groupId, status: 'open', limit: 50 }, context.clock.now());
    const body: AccountWithContacts = { ...account, contacts, model, owner, escalation, openTasks };
    return c.json(body);
  });

  /** The account's current stage in each account framework (LAER), and when it reached each stage. */
  app.get('/:groupId/stages', async (c) => {
    const workspaceId = c.get('workspaceId');
    const groupId = c.req.param('groupId');
    if (!(await store.accounts.find(workspaceId, groupId))) throw notFound(`account ${groupId}`);
    return c.json({ items: await stagesOfSubject(context, workspaceId, 'account', groupId) });
  });

  /** The account's engagement score in a typology (the first by default), by type, explained, with its trend. */
  app.get('/:groupId/engagement', async (c) => {
    const workspaceId = c.get('workspaceId');
    const groupId = c.req.param('groupId');
    if (!(await store.accounts.find(workspaceId, groupId))) throw notFound(`account ${groupId}`);
    const scores = await engagementScores(context, workspaceId, 'account', c.req.query('typology') || undefined, [groupId]);
    const { items, ...rest } = scores;
    return c.json({ ...rest, score: items[0] ?? null });
  });

  /** The account's health: each measure, the weighted score, its grade and trend. */
  app.get('/:groupId/health', async (c) => {
    const workspaceId = c.get('workspaceId');
    const groupId = c.req.param('groupId');
    if (!(await store.accounts.find(workspaceId, groupId))) throw notFound(`account ${groupId}`);
    const { items, ...rest } = await accountHealth(context, workspaceId, [groupId]);
    return c.json({ ...rest, health: items[0] ?? null });
  });

  app.get('/:groupId/owner-history', async (c) => {
    const workspaceId = c.get('workspaceId');
    const groupId = c.req.param('groupId');
    if (!(await store.accounts.find(workspaceId, groupId))) throw notFound(`account ${groupId}`);
    return c.json({ items: await store.team.ownerHistory(workspaceId, groupId) });
  });

  app.put('/:groupId/owner', async (c) => {
    const body = (await c.req.json().catch(() => undefined)) as { memberId?: unknown; reason?: unknown } | undefined;
    const memberId = body?.memberId;
    if (memberId !== null && typeof memberId !== 'string') throw validationError('invalid owner', [{ path: 'memberId', message: 'must be a team member id, or null to release the account' }]);
    const reason = typeof body?.reason === 'string' && body.reason !== '' ? body.reason : undefined;
    await reassignOwner(context, c.get('workspaceId'), c.req.param('groupId'), memberId, c.get('user')?.email ?? 'api', reason);
    return c.json({ items: await store.team.ownerHistory(c.get('workspaceId'), c.req.param('groupId')) });
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
