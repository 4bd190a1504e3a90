import type { SegmentChange } from '../../store/segment-membership-queries.js';
import type { EngineContext } from '../context.js';
import { journeysAfterMembershipChanges } from '../journeys/journey-triggers.js';
import { scheduleRecurringTasks } from '../tasks/recurring-tasks.js';
import { advancePhases } from './advance-phases.js';
import { escalateAccounts } from './escalate-accounts.js';

/**
 * Which accounts a pass looks at: all of them (time passed, or everything was re-evaluated),
 * or only the subjects whose memberships just changed — an account whose segments did not
 * change cannot reach a milestone or raise a signal it had not before.
 */
export type AccountScope = { all: true } | { all: false; groupIds: ReadonlySet<string> };

/**
 * What follows a change of segment memberships. Activation milestones and escalation signals
 * are segments, so a refresh may end an onboarding phase, escalate an account or (on the
 * scheduler's tick, as time passes) step one back; recurring tasks are topped up on the tick.
 * `changes` are the entries and exits just recorded.
 */
export async function afterSegmentRefresh(context: EngineContext, workspaceId: string, changes: readonly SegmentChange[], options: { timePassed?: boolean } = {}): Promise<void> {
  const timePassed = options.timePassed ?? true;
  await journeysAfterMembershipChanges(context, workspaceId, changes);
  const scope: AccountScope = timePassed ? { all: true } : { all: false, groupIds: new Set(changes.map((c) => c.subjectId)) };
  if (!scope.all && scope.groupIds.size === 0) return;
  await advancePhases(context, workspaceId, 'phases', scope);
  await escalateAccounts(context, workspaceId, scope);
  if (timePassed) await scheduleRecurringTasks(context, workspaceId);
}
