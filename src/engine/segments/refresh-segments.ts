import type { SegmentChange } from '../../store/segment-membership-queries.js';
import type { EngineContext } from '../context.js';
import { effectiveDefinitions } from '../definitions/effective-definitions.js';
import { computeMembers } from './segment-membership.js';

/**
 * Recomputes the members of every segment in force (in SQL, references first) and stores
 * them, recording each entry and exit at the current time. Returns the changes.
 */
export async function refreshSegments(context: EngineContext, workspaceId: string): Promise<SegmentChange[]> {
  const now = context.clock.now();
  const segments = (await effectiveDefinitions(context, workspaceId)).flatMap((d) => (d.kind === 'Segment' ? [d.spec] : []));
  const members = await computeMembers(context, workspaceId, segments, segments.map((s) => s.id), now);
  const changes: SegmentChange[] = [];
  for (const segment of segments) {
    changes.push(...(await context.store.segmentMemberships.replace(workspaceId, segment.id, [...(members.get(segment.id) ?? [])].sort(), now)));
  }
  return changes;
}
