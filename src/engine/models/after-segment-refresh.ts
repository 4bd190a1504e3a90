import type { SegmentChange } from '../../store/segment-membership-queries.js';
import type { EngineContext } from '../context.js';
import { scheduleRecurringTasks } from '../tasks/recurring-tasks.js';
import { advancePhases } from './advance-phases.js';
import { escalateAccounts } from './escalate-accounts.js';

/**
 * What follows a change of segment memberships. Activation milestones and escalation signals
 * are segments, so a refresh may end an onboarding phase, escalate an account or (on the
 * scheduler's tick, as time passes) step one back; recurring tasks are topped up on the way.
 * `changes` are the entries and exits just recorded.
 */
export async function afterSegmentRefresh(context: EngineContext, workspaceId: string, _changes: readonly SegmentChange[]): Promise<void> {
  await advancePhases(context, workspaceId, 'phases');
  await escalateAccounts(context, workspaceId);
  await scheduleRecurringTasks(context, workspaceId);
}
