import { segmentDependencies } from './segment-dependencies.js';
import type { SegmentDefinition } from './segment-definition.js';

/**
 * How a change of one segment's members reaches the segments that refer to it, when
 * memberships are updated for a few subjects instead of recomputed for all.
 *
 * A reference `segment: { id: R }` tests whether an id is among R's members, and which id
 * depends on where it stands:
 *
 * - `subject`: in the segment's own condition it tests the subject's id. When R's membership
 *   of id x changes, the subject x of the referring segment must be evaluated again (an id of
 *   the other kind is simply no subject of it, and is skipped).
 * - `contacts`: inside an account segment's `contacts` it tests each member contact's id.
 *   When R's membership of contact x changes, every account x belongs to must be evaluated
 *   again. This is how an account segment depends on a contact segment.
 *
 * Segments are updated in `dependencyOrder`, so each one reads the already updated members
 * of the segments it refers to, and its own changes are known before those that refer to it.
 */
export { referenceScopes, type ReferenceScope } from './segment-dependencies.js';

/**
 * The definitions ordered so that each comes after every definition it refers to, otherwise
 * in the given order. References to ids not among them are ignored; definitions are checked
 * for cycles when saved, and a cycle that slipped through is broken where it is found.
 */
export function dependencyOrder(definitions: readonly SegmentDefinition[]): SegmentDefinition[] {
  const byId = new Map(definitions.map((d) => [d.id, d]));
  const seen = new Set<string>();
  const order: SegmentDefinition[] = [];
  const visit = (definition: SegmentDefinition): void => {
    if (seen.has(definition.id)) return;
    seen.add(definition.id);
    for (const id of segmentDependencies(definition)) {
      const dependency = byId.get(id);
      if (dependency) visit(dependency);
    }
    order.push(definition);
  };
  definitions.forEach(visit);
  return order;
}

/**
 * `dependencyOrder` in levels: each definition's level comes after the levels of every
 * definition it refers to, so the definitions of one level do not read each other and may be
 * evaluated at the same time. Within a level, the order of `dependencyOrder`.
 */
export function dependencyLevels(definitions: readonly SegmentDefinition[]): SegmentDefinition[][] {
  const ordered = dependencyOrder(definitions);
  const levelOf = new Map<string, number>();
  const levels: SegmentDefinition[][] = [];
  for (const definition of ordered) {
    // Dependencies come earlier in the order; one not seen yet is absent, or the broken end of a cycle.
    const level = Math.max(-1, ...segmentDependencies(definition).map((id) => levelOf.get(id) ?? -1)) + 1;
    levelOf.set(definition.id, level);
    (levels[level] ??= []).push(definition);
  }
  return levels;
}
