import type { EngagementModel } from '../../core/models/engagement-model.js';
import type { EngineContext } from '../context.js';

/**
 * Whether an account has reached a segment that ends a phase of these models, from stored
 * memberships: `reached(groupId)(segmentId)`, as `placeAccount` asks it.
 */
export async function milestonesReached(context: EngineContext, workspaceId: string, models: Iterable<EngagementModel>): Promise<(groupId: string) => (segmentId: string) => boolean> {
  const members = new Map<string, Set<string>>();
  for (const model of models) {
    for (const phase of model.phases) {
      const segment = phase.until?.activatedSegment;
      if (segment && !members.has(segment)) members.set(segment, new Set(await context.store.segmentMemberships.members(workspaceId, segment)));
    }
  }
  return (groupId) => (segmentId) => members.get(segmentId)?.has(groupId) ?? false;
}
