import { Hono } from 'hono';
import type { EngineContext } from '../../engine/context.js';
import { effectiveDefinitions } from '../../engine/definitions/effective-definitions.js';
import { previewSegment } from '../../engine/segments/preview-segment.js';
import type { ApiVariables } from '../auth.js';
import { notFound } from '../../core/errors.js';
import { intParam } from '../query-params.js';

/** `/api/segments`: the segments in force, and a preview of a draft before it is saved. */
export function segmentRoutes(context: EngineContext): Hono<{ Variables: ApiVariables }> {
  const app = new Hono<{ Variables: ApiVariables }>();
  app.get('/', async (c) => {
    const definitions = await effectiveDefinitions(context, c.get('workspaceId'));
    return c.json({ items: definitions.flatMap((d) => (d.kind === 'Segment' ? [d.spec] : [])) });
  });
  app.post('/preview', async (c) => {
    const draft = await c.req.json().catch(() => undefined);
    return c.json(await previewSegment(context, c.get('workspaceId'), draft));
  });
  const getSegment = async (workspaceId: string, id: string) => {
    const segment = (await effectiveDefinitions(context, workspaceId)).flatMap((d) => (d.kind === 'Segment' ? [d.spec] : [])).find((s) => s.id === id);
    if (!segment) throw notFound(`segment ${id}`);
    return segment;
  };
  app.get('/:id/members', async (c) => {
    const segment = await getSegment(c.get('workspaceId'), c.req.param('id'));
    return c.json({ segment, items: await context.store.segmentMemberships.members(c.get('workspaceId'), segment.id) });
  });
  app.get('/:id/history', async (c) => {
    const segment = await getSegment(c.get('workspaceId'), c.req.param('id'));
    const limit = intParam(c, 'limit', { min: 1, max: 1000, fallback: 100 });
    return c.json({ items: await context.store.segmentMemberships.history(c.get('workspaceId'), segment.id, limit) });
  });
  return app;
}
