import { Hono } from 'hono';
import { DAY_MS } from '../../core/activity.js';
import type { EngineContext } from '../../engine/context.js';
import { applyRules } from '../../engine/models/apply-rules.js';
import { modelEconomics } from '../../engine/models/model-economics.js';
import { rulesInForce } from '../../engine/models/rules-in-force.js';
import { rulesWhatIf } from '../../engine/models/rules-what-if.js';
import type { ApiVariables } from '../auth.js';
import { intParam } from '../query-params.js';

/**
 * `/api/models`: the engagement models in force, their accounts and economics, and the flags;
 * the assignment rules, a what-if of a draft, applying it with an audit trail, and the moves.
 */
export function modelRoutes(context: EngineContext): Hono<{ Variables: ApiVariables }> {
  const app = new Hono<{ Variables: ApiVariables }>();
  // A body that is not JSON is checked like any other wrong draft: a 400 naming `(rules)`.
  const draftOf = (c: { req: { json(): Promise<unknown> } }) => c.req.json().catch(() => undefined);

  app.get('/', async (c) => c.json(await modelEconomics(context, c.get('workspaceId'))));

  app.post('/what-if', async (c) => c.json(await rulesWhatIf(context, c.get('workspaceId'), await draftOf(c))));

  app.get('/rules', async (c) => c.json(await rulesInForce(context, c.get('workspaceId'))));

  app.put('/rules', async (c) => {
    // A person is named by e-mail; a program with an API token is `api`.
    const changedBy = c.get('user')?.email ?? 'api';
    return c.json(await applyRules(context, c.get('workspaceId'), await draftOf(c), changedBy));
  });

  app.get('/rules/history', async (c) => {
    const limit = intParam(c, 'limit', { min: 1, max: 500, fallback: 50 });
    return c.json({ items: await context.store.definitionChanges.list(c.get('workspaceId'), { kind: 'AssignmentRules', limit }) });
  });

  app.get('/moves', async (c) => {
    const days = intParam(c, 'days', { min: 1, max: 730, fallback: 90 });
    const to = Math.ceil(context.clock.now() / DAY_MS) * DAY_MS;
    const from = to - days * DAY_MS;
    return c.json({ from, to, items: await context.store.accountModels.movesPerDay(c.get('workspaceId'), from, to) });
  });

  return app;
}
