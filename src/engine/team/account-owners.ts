import { notFound } from '../../core/errors.js';
import { chooseOwner, territoryOf } from '../../core/team/owner-choice.js';
import type { EngineContext } from '../context.js';

/**
 * Gives a high-touch account an owner by the rule (territory or segment, then least loaded
 * within capacity) unless it has one. Returns the owner's id, or null when no CSM has room —
 * the account then waits, and its tasks stay unassigned where a manager sees them.
 */
export async function ensureOwner(context: EngineContext, workspaceId: string, groupId: string, changedBy: string): Promise<string | null> {
  const current = await context.store.team.owner(workspaceId, groupId);
  if (current) return current.memberId;
  const coverage = await context.store.team.coverageOf(workspaceId, groupId);
  if (!coverage) return null;
  const loads = await context.store.team.loads(workspaceId);
  const members = await context.store.team.list(workspaceId);
  const choice = chooseOwner({ namedOwner: coverage.ownerEmail, territory: territoryOf(coverage.traits), segments: coverage.segments }, members.map((member) => ({ member, load: loads.get(member.id) ?? 0 })));
  if (choice.memberId === null) return null;
  await context.store.team.setOwner(workspaceId, groupId, choice.memberId, { reason: choice.reason, changedBy, at: context.clock.now() });
  await context.store.tasks.reassignOpen(workspaceId, groupId, choice.memberId);
  return choice.memberId;
}

/** Releases an account that no longer needs a person; its history keeps who had it. */
export async function releaseOwner(context: EngineContext, workspaceId: string, groupId: string, reason: string, changedBy: string): Promise<void> {
  await context.store.team.setOwner(workspaceId, groupId, null, { reason, changedBy, at: context.clock.now() });
}

/** A person's reassignment of an account (null releases it); its open tasks follow the owner. */
export async function reassignOwner(context: EngineContext, workspaceId: string, groupId: string, memberId: string | null, changedBy: string, reason?: string): Promise<void> {
  if (!(await context.store.accounts.find(workspaceId, groupId))) throw notFound(`account ${groupId}`);
  if (memberId !== null && !(await context.store.team.find(workspaceId, memberId))) throw notFound(`team member ${memberId}`);
  await context.store.team.setOwner(workspaceId, groupId, memberId, { reason: reason ?? (memberId ? 'reassigned by hand' : 'released by hand'), changedBy, at: context.clock.now() });
  await context.store.tasks.reassignOpen(workspaceId, groupId, memberId);
}
