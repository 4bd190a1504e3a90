import type { Definition } from '../../core/definitions/definition-documents.js';
import type { EngineContext } from '../context.js';
import { assignModels, type AssignSummary } from '../models/assign-models.js';
import { afterSegmentRefresh } from '../models/after-segment-refresh.js';
import { refreshSegments } from '../segments/refresh-segments.js';

/**
 * Makes newly applied definitions take effect at once: segments are recomputed when segments
 * changed, and every account is re-assigned when segments, models or rules changed (each move
 * recorded with its reason and its human work). Escalation rules and task templates act at the
 * next refresh, which this runs too.
 */
export async function putDefinitionsInEffect(context: EngineContext, workspaceId: string, applied: readonly Definition[], by: string): Promise<AssignSummary | null> {
  const kinds = new Set(applied.map((d) => d.kind));
  if (kinds.has('Segment')) await refreshSegments(context, workspaceId);
  const assigned = kinds.has('Segment') || kinds.has('EngagementModel') || kinds.has('AssignmentRules') ? await assignModels(context, workspaceId, by) : null;
  await afterSegmentRefresh(context, workspaceId, []);
  return assigned;
}
