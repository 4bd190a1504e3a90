import { Hono, type Context } from 'hono';
import { notFound, validationError } from '../../core/errors.js';
import type { SegmentDefinition } from '../../core/segments/segment-definition.js';
import type { EngineContext } from '../../engine/context.js';
import { effectiveDefinitions } from '../../engine/definitions/effective-definitions.js';
import { deleteSegment } from '../../engine/segments/delete-segment.js';
import { previewSegment } from '../../engine/segments/preview-segment.js';
import { saveSegment } from '../../engine/segments/save-segment.js';
import { getSegment, segmentsOf } from '../../engine/segments/segments-in-force.js';
import type { ApiVariables } from '../auth.js';
import { intParam } from '../query-params.js';

type ApiContext = Context<{ Variables: ApiVariables }>;

/**
 * `/api/segments`: the segments in force with their member counts, one segment with its
 * members and history, a preview of a draft, and creating, replacing and deleting one. A
 * save recomputes memberships before it answers, so the members can be read at once.
 */
export function segmentRoutes(context: EngineContext): Hono<{ Variables: ApiVariables }> {
  const app = new Hono<{ Variables: ApiVariables }>();
  const { store } = context;
  const by = (c: ApiContext) => c.get('user')?.email ?? 'api';
  const body = async (c: ApiContext): Promise<unknown> => {
    const parsed: unknown = await c.req.json().catch(() => undefined);
    if (parsed === undefined) throw validationError('the body must be a JSON segment definition', [{ path: '(definition)', message: 'must be JSON' }]);
    return parsed;
  };
  /** Names and page keys of members, for lists that link to them. */
  const subjects = (workspaceId: string, segment: SegmentDefinition, ids: readonly string[]) => store.segmentMemberships.subjects(workspaceId, segment.subject, ids);

  app.get('/', async (c) => {
    const workspaceId = c.get('workspaceId');
    const items = segmentsOf(await effectiveDefinitions(context, workspaceId));
    return c.json({ items, memberCounts: await store.segmentMemberships.counts(workspaceId) });
  });

  app.post('/preview', async (c) => {
    const workspaceId = c.get('workspaceId');
    const draft = await c.req.json().catch(() => undefined);
    const preview = await previewSegment(context, workspaceId, draft);
    return c.json({ ...preview, subjects: await subjects(workspaceId, preview.definition, preview.sample) });
  });

  app.post('/', async (c) => {
    const saved = await saveSegment(context, c.get('workspaceId'), await body(c), { by: by(c), mode: 'create' });
    return c.json({ segment: saved.segment, memberCount: saved.memberCount }, 201);
  });

  app.get('/:id', async (c) => {
    const workspaceId = c.get('workspaceId');
    const segment = await getSegment(context, workspaceId, c.req.param('id'));
    return c.json({ segment, memberCount: await store.segmentMemberships.count(workspaceId, segment.id) });
  });

  app.put('/:id', async (c) => {
    const saved = await saveSegment(context, c.get('workspaceId'), await body(c), { by: by(c), mode: 'put', id: c.req.param('id') });
    return c.json({ segment: saved.segment, memberCount: saved.memberCount }, saved.created ? 201 : 200);
  });

  app.delete('/:id', async (c) => {
    await deleteSegment(context, c.get('workspaceId'), c.req.param('id'), by(c));
    return c.body(null, 204);
  });

  app.get('/:id/members', async (c) => {
    const workspaceId = c.get('workspaceId');
    const segment = await getSegment(context, workspaceId, c.req.param('id'));
    const limit = intParam(c, 'limit', { min: 1, max: 1000, fallback: 100 });
    const items = await store.segmentMemberships.members(workspaceId, segment.id);
    return c.json({ segment, items, subjects: await subjects(workspaceId, segment, items.slice(0, limit)) });
  });

  // A deleted segment's history stays readable: its members' exits at deletion end it.
  app.get('/:id/history', async (c) => {
    const workspaceId = c.get('workspaceId');
    const id = c.req.param('id');
    const segment = segmentsOf(await effectiveDefinitions(context, workspaceId)).find((s) => s.id === id);
    if (!segment && !(await store.segmentMemberships.hasHistory(workspaceId, id))) throw notFound(`segment ${id}`);
    const limit = intParam(c, 'limit', { min: 1, max: 1000, fallback: 100 });
    const items = await store.segmentMemberships.history(workspaceId, id, limit);
    return c.json({ items, subjects: segment ? await subjects(workspaceId, segment, items.map((i) => i.subjectId)) : [] });
  });

  return app;
}
