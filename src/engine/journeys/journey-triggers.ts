import type { SegmentChange } from '../../store/segment-membership-queries.js';
import type { EngineContext } from '../context.js';
import { effectiveDefinitions } from '../definitions/effective-definitions.js';
import { deliverModelMove, type ModelMove } from './triggers/model-triggers.js';
import { deliverMembershipChanges } from './triggers/segment-triggers.js';

/**
 * Where journeys learn that something happened to a subject. These hooks are called by the
 * segment refresher (entries and exits) and by engagement-model moves; events reach journeys
 * through the event feed (`feedJourneys`), dates through `scheduleDateTriggers`.
 */
export async function journeysAfterMembershipChanges(context: EngineContext, workspaceId: string, changes: readonly SegmentChange[]): Promise<void> {
  if (changes.length === 0) return;
  await deliverMembershipChanges(context, workspaceId, await effectiveDefinitions(context, workspaceId), changes);
}

/** An account changed engagement model or phase. */
export async function journeysAfterModelMove(context: EngineContext, workspaceId: string, move: ModelMove): Promise<void> {
  await deliverModelMove(context, workspaceId, await effectiveDefinitions(context, workspaceId), move);
}
