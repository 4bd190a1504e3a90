import type { SegmentChange } from '../../store/segment-membership-queries.js';
import type { EngineContext } from '../context.js';

/**
 * Where journeys learn that something happened to a subject. These hooks are called by the
 * segment refresher (entries and exits) and by engagement-model moves; events reach journeys
 * through the worker's event feed.
 */
export async function journeysAfterMembershipChanges(_context: EngineContext, _workspaceId: string, _changes: readonly SegmentChange[]): Promise<void> {}

/** An account changed engagement model or phase. */
export async function journeysAfterModelMove(_context: EngineContext, _workspaceId: string, _move: { groupId: string; fromModel: string | null; fromPhase: string | null; toModel: string; toPhase: string; at: number }): Promise<void> {}
