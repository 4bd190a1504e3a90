import { Hono } from 'hono';
import { validationError } from '../../core/errors.js';
import type { EngineContext } from '../../engine/context.js';
import { createTask, updateTask } from '../../engine/tasks/task-work.js';
import type { ApiVariables } from '../auth.js';
import { enumParam, intParam } from '../query-params.js';

/**
 * `/api/tasks`: the team's work — all of it with filters, the caller's own (`/mine`, the team
 * member with the signed-in user's e-mail), the overdue, and changes to one task.
 */
export function taskRoutes(context: EngineContext): Hono<{ Variables: ApiVariables }> {
  const app = new Hono<{ Variables: ApiVariables }>();
  const by = (c: { get(key: 'user'): ApiVariables['user'] }) => c.get('user')?.email ?? 'api';

  app.get('/', async (c) => {
    const now = context.clock.now();
    const items = await context.store.tasks.list(c.get('workspaceId'), {
      status: enumParam(c, 'status', ['open', 'done', 'cancelled'] as const),
      ownerId: c.req.query('owner') || undefined,
      groupId: c.req.query('account') || undefined,
      overdueAt: c.req.query('overdue') === 'true' ? now : undefined,
      limit: intParam(c, 'limit', { min: 1, max: 1000, fallback: 200 }),
    }, now);
    return c.json({ items });
  });

  app.get('/overdue', async (c) => {
    const now = context.clock.now();
    return c.json({ items: await context.store.tasks.list(c.get('workspaceId'), { overdueAt: now, limit: intParam(c, 'limit', { min: 1, max: 1000, fallback: 200 }) }, now) });
  });

  app.get('/mine', async (c) => {
    const user = c.get('user');
    if (!user) throw validationError('/api/tasks/mine is for a signed-in user; with an API token use /api/tasks?owner=MEMBER_ID', [{ path: 'user', message: 'is required' }]);
    const member = await context.store.team.findByEmail(c.get('workspaceId'), user.email);
    if (!member) return c.json({ member: null, items: [] });
    const now = context.clock.now();
    const status = enumParam(c, 'status', ['open', 'done', 'cancelled'] as const) ?? 'open';
    return c.json({ member, items: await context.store.tasks.list(c.get('workspaceId'), { ownerId: member.id, status, limit: intParam(c, 'limit', { min: 1, max: 1000, fallback: 200 }) }, now) });
  });

  app.post('/', async (c) => c.json(await createTask(context, c.get('workspaceId'), await c.req.json().catch(() => undefined), by(c)), 201));
  app.patch('/:id', async (c) => c.json(await updateTask(context, c.get('workspaceId'), c.req.param('id'), await c.req.json().catch(() => undefined), by(c))));
  return app;
}
