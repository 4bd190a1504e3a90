import { Hono } from 'hono';
import type { EngineContext } from '../../engine/context.js';
import { addTeamMember, updateTeamMember } from '../../engine/team/team-members.js';
import type { ApiVariables } from '../auth.js';

/** `/api/team`: the customer success team with each member's load against capacity. */
export function teamRoutes(context: EngineContext): Hono<{ Variables: ApiVariables }> {
  const app = new Hono<{ Variables: ApiVariables }>();
  app.get('/', async (c) => {
    const workspaceId = c.get('workspaceId');
    const loads = await context.store.team.loads(workspaceId);
    const members = await context.store.team.list(workspaceId);
    return c.json({ items: members.map((m) => ({ ...m, accounts: loads.get(m.id) ?? 0 })) });
  });
  app.post('/', async (c) => c.json(await addTeamMember(context, c.get('workspaceId'), await c.req.json().catch(() => undefined)), 201));
  app.put('/:id', async (c) => c.json(await updateTeamMember(context, c.get('workspaceId'), c.req.param('id'), await c.req.json().catch(() => undefined))));
  return app;
}
