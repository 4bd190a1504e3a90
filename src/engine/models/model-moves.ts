import type { Definition } from '../../core/definitions/definition-documents.js';
import { touchOf, type EngagementModel } from '../../core/models/engagement-model.js';
import type { AccountModel } from '../../core/records.js';
import { stoppedTemplates, tasksForMove, type Placement } from '../../core/tasks/task-plan.js';
import type { EngineContext } from '../context.js';
import { journeysAfterModelMove } from '../journeys/journey-triggers.js';
import { ensureOwner, releaseOwner } from '../team/account-owners.js';

/** An account's move from one placement to another, as the human side reacts to it. */
export interface PlacementMove {
  groupId: string;
  /** Null when the account had no model before. */
  before: Placement | null;
  after: Placement;
  at: number;
  changedBy: string;
}

/** Where an account stands, from its model record, the model's definition and its escalation. */
export function placementOf(model: EngagementModel | undefined, current: Pick<AccountModel, 'modelId' | 'phaseId'>, escalationRule: string | null): Placement {
  return { modelId: current.modelId, phaseId: current.phaseId, touch: model ? touchOf(model, current.phaseId) : 'none', escalationRule };
}

/**
 * The human work a move brings: entering high touch gets the account an owner (leaving it
 * releases the owner), the task templates whose trigger the move starts create their tasks
 * for the owner, and recurring tasks whose trigger stopped holding are cancelled (weekly
 * check-ins end with onboarding). Task keys make this safe to repeat for the same move.
 */
export async function reactToMove(context: EngineContext, workspaceId: string, move: PlacementMove, definitions: readonly Definition[]): Promise<void> {
  await journeysAfterModelMove(context, workspaceId, {
    groupId: move.groupId, fromModel: move.before?.modelId ?? null, fromPhase: move.before?.phaseId ?? null, toModel: move.after.modelId, toPhase: move.after.phaseId, at: move.at,
  });
  const templates = definitions.flatMap((d) => (d.kind === 'TaskTemplate' ? [d.spec] : []));
  let ownerId: string | null = null;
  if (move.after.touch === 'high') {
    ownerId = await ensureOwner(context, workspaceId, move.groupId, move.changedBy);
  } else if (move.before?.touch === 'high') {
    await releaseOwner(context, workspaceId, move.groupId, `no longer high touch: now ${move.after.modelId} (${move.after.phaseId})`, move.changedBy);
  }
  const stopped = stoppedTemplates(templates, move.after).map((t) => t.id);
  await context.store.tasks.cancelOpen(workspaceId, move.groupId, stopped, `stopped: the account moved to ${move.after.modelId} (${move.after.phaseId})`, move.at);
  const account = await context.store.accounts.find(workspaceId, move.groupId);
  const drafts = tasksForMove(templates, { groupId: move.groupId, accountName: account?.name ?? null, before: move.before, after: move.after, at: move.at });
  await context.store.tasks.create(
    workspaceId,
    drafts.map((d) => ({ ...d, id: context.ids.id(), groupId: move.groupId, ownerId, createdBy: move.changedBy })),
    context.clock.now(),
  );
}
