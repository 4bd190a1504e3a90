import { Hono } from 'hono';
import type { EngineContext } from '../../engine/context.js';
import { effectiveDefinitions } from '../../engine/definitions/effective-definitions.js';
import { previewSegment } from '../../engine/segments/preview-segment.js';
import type { ApiVariables } from '../auth.js';

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
  return app;
}
