import type { SegmentDefinition } from '../../core/segments/segment-definition.js';
import { segmentDependencies } from '../../core/segments/segment-dependencies.js';
import type { EngineContext } from '../context.js';

/**
 * Members of the given segments and of every segment they refer to, computed in dependency
 * order with the store's SQL evaluation, so a reference always reads finished members.
 * Definitions are checked for cycles when applied; an unknown reference has no members.
 */
export async function computeMembers(context: EngineContext, workspaceId: string, segments: readonly SegmentDefinition[], wanted: readonly string[], now: number): Promise<Map<string, Set<string>>> {
  const byId = new Map(segments.map((s) => [s.id, s]));
  const members = new Map<string, Set<string>>();
  const visit = async (id: string): Promise<void> => {
    if (members.has(id)) return;
    const definition = byId.get(id);
    if (!definition) return void members.set(id, new Set());
    for (const dependency of segmentDependencies(definition)) await visit(dependency);
    const ids = await context.store.segmentMembers(workspaceId, definition, { now, segmentMembers: (ref) => [...(members.get(ref) ?? [])] });
    members.set(id, new Set(ids));
  };
  for (const id of wanted) await visit(id);
  return members;
}
