import { conflict, validationError, type FieldIssue } from '../../core/errors.js';
import { parseSegmentDefinition, type SegmentDefinition } from '../../core/segments/segment-definition.js';
import type { EngineContext } from '../context.js';
import { effectiveDefinitions } from '../definitions/effective-definitions.js';
import { segmentReferencePaths, segmentReferenceProblems } from '../definitions/segment-references.js';
import { afterSegmentRefresh } from '../models/after-segment-refresh.js';
import { refreshSegments } from './refresh-segments.js';
import { segmentsOf } from './segments-in-force.js';

export interface SaveSegmentOptions {
  /** Who saves it, kept with the stored definition: a user's e-mail, or "api". */
  by: string;
  /** `create` refuses an id already in force (409); `put` creates or replaces. */
  mode: 'create' | 'put';
  /** The id the caller addressed (`PUT /api/segments/:id`); the definition's id must equal it. */
  id?: string;
}

export interface SavedSegment {
  segment: SegmentDefinition;
  /** False when an existing segment was replaced. */
  created: boolean;
  memberCount: number;
}

/**
 * Checks and stores one segment definition, then recomputes the workspace's memberships so
 * its members can be read at once. Invalid input is a validation error naming each field;
 * a reference to a segment that does not exist, or one that closes a cycle, is refused too.
 * The first segment a workspace saves also stores the shipped segments in the same
 * transaction: segments in force are the stored ones, or the shipped ones while none is
 * stored, so storing one alone would make the shipped ones disappear.
 */
export async function saveSegment(context: EngineContext, workspaceId: string, input: unknown, options: SaveSegmentOptions): Promise<SavedSegment> {
  const parsed = parseSegmentDefinition(input);
  const issues: FieldIssue[] = parsed.ok ? [] : [...parsed.issues];
  const givenId = (input as { id?: unknown } | null)?.id;
  if (options.id !== undefined && typeof givenId === 'string' && givenId !== options.id) issues.push({ path: 'id', message: `must be ${options.id}, the id in the path` });
  if (!parsed.ok || issues.length > 0) throw validationError('invalid segment definition', issues);
  const segment = parsed.definition;

  const inForce = segmentsOf(await effectiveDefinitions(context, workspaceId));
  const exists = inForce.some((s) => s.id === segment.id);
  if (exists && options.mode === 'create') throw conflict(`segment ${segment.id} already exists`);
  const next = [...inForce.filter((s) => s.id !== segment.id), segment];
  const problems = segmentReferenceProblems(next, [segment]);
  if (problems.length > 0) {
    const referenceIssues = problems.flatMap((problem): FieldIssue[] =>
      problem.kind === 'cycle' ? [{ path: 'condition', message: problem.message }] : segmentReferencePaths(segment.condition, problem.reference).map((path) => ({ path, message: problem.message })),
    );
    throw validationError('invalid segment definition', referenceIssues);
  }

  const now = context.clock.now();
  const storesShipped = (await context.store.definitions.list(workspaceId, 'Segment')).length === 0;
  const save = [...(storesShipped ? inForce.filter((s) => s.id !== segment.id) : []), segment].map((spec) => ({ kind: 'Segment' as const, spec }));
  await context.store.definitions.change(workspaceId, { save }, options.by, now);

  const changes = await refreshSegments(context, workspaceId);
  await afterSegmentRefresh(context, workspaceId, changes);
  return { segment, created: !exists, memberCount: await context.store.segmentMemberships.count(workspaceId, segment.id) };
}
