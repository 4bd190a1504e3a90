import { validationError } from '../../core/errors.js';
import { parseSegmentDefinition, type SegmentDefinition } from '../../core/segments/segment-definition.js';
import { segmentDependencies } from '../../core/segments/segment-dependencies.js';
import type { EngineContext } from '../context.js';
import { effectiveDefinitions } from '../definitions/effective-definitions.js';
import { computeMembers } from './segment-membership.js';

const SAMPLE_SIZE = 20;

export interface SegmentPreview {
  definition: SegmentDefinition;
  count: number;
  /** The first members by id: contact ids or account group ids. */
  sample: string[];
}

/** Who a draft segment would hold now, before it is saved; an invalid draft is a 400 naming each field. */
export async function previewSegment(context: EngineContext, workspaceId: string, draft: unknown): Promise<SegmentPreview> {
  const parsed = parseSegmentDefinition(draft);
  if (!parsed.ok) throw validationError('invalid segment definition', parsed.issues);
  const definition = parsed.definition;
  const now = context.clock.now();
  const segments = (await effectiveDefinitions(context, workspaceId)).flatMap((d) => (d.kind === 'Segment' && d.spec.id !== definition.id ? [d.spec] : []));
  const known = new Set(segments.map((s) => s.id));
  const unknown = segmentDependencies(definition).filter((id) => !known.has(id));
  if (unknown.length > 0) throw validationError('the segment refers to segments that do not exist', unknown.map((id) => ({ path: 'condition', message: `refers to segment ${id}, which does not exist` })));
  const members = await computeMembers(context, workspaceId, segments, segmentDependencies(definition), now);
  const ids = await context.store.segmentMembers(workspaceId, definition, { now, segmentMembers: (id) => [...(members.get(id) ?? [])] });
  return { definition, count: ids.length, sample: ids.slice(0, SAMPLE_SIZE) };
}
