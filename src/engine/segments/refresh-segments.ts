import type { SegmentChange } from '../../store/segment-membership-queries.js';
import type { EngineContext } from '../context.js';
import { effectiveDefinitions } from '../definitions/effective-definitions.js';
import { updateMemberships } from './update-memberships.js';

/**
 * Recomputes the members of every segment in force over every subject (in SQL, references
 * first) and stores them, recording each entry and exit at the current time. Returns the
 * changes. For after definitions change and after bulk loads; ingestion in a running server
 * updates only the subjects it touched (`SegmentRefresher`).
 */
export async function refreshSegments(context: EngineContext, workspaceId: string): Promise<SegmentChange[]> {
  const segments = (await effectiveDefinitions(context, workspaceId)).flatMap((d) => (d.kind === 'Segment' ? [d.spec] : []));
  return updateMemberships(context, workspaceId, segments, { whole: new Set(segments.map((s) => s.id)), touched: { contacts: [], accounts: [] } }, context.clock.now());
}
