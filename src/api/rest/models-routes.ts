import { Hono } from 'hono';
import type { EngineContext } from '../../engine/context.js';
import { modelEconomics } from '../../engine/models/model-economics.js';
import type { ApiVariables } from '../auth.js';

/** `/api/models`: the engagement models in force, their accounts and economics, and the flags. */
export function modelRoutes(context: EngineContext): Hono<{ Variables: ApiVariables }> {
  const app = new Hono<{ Variables: ApiVariables }>();
  app.get('/', async (c) => c.json(await modelEconomics(context, c.get('workspaceId'))));
  return app;
}
