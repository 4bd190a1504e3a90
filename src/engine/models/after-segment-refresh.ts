import type { SegmentChange } from '../../store/segment-membership-queries.js';
import type { EngineContext } from '../context.js';
import { advancePhases } from './advance-phases.js';

/**
 * What follows a change of segment memberships: activation milestones are segments, so a
 * refresh may end an onboarding phase. `changes` are the entries and exits just recorded.
 */
export async function afterSegmentRefresh(context: EngineContext, workspaceId: string, _changes: readonly SegmentChange[]): Promise<void> {
  await advancePhases(context, workspaceId, 'phases');
}
