import { assertNever } from '../errors.js';
import { tagCondition, type Condition } from './conditions.js';
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
export type ReferenceScope = 'subject' | 'contacts';

/** Each segment the definition refers to, with where its references test membership. */
export function referenceScopes(definition: SegmentDefinition): Map<string, Set<ReferenceScope>> {
  const scopes = new Map<string, Set<ReferenceScope>>();
  const visit = (condition: Condition, scope: ReferenceScope): void => {
    const tagged = tagCondition(condition);
    switch (tagged.kind) {
      case 'all':
      case 'any':
        return tagged.body.forEach((child) => visit(child, scope));
      case 'not':
        return visit(tagged.body, scope);
      case 'contacts':
        return visit(tagged.body.condition, 'contacts');
      case 'segment': {
        const set = scopes.get(tagged.body.id) ?? new Set<ReferenceScope>();
        scopes.set(tagged.body.id, set.add(scope));
        return;
      }
      case 'trait':
      case 'event':
      case 'firstSeen':
      case 'lastSeen':
      case 'computed':
      case 'trend':
        return;
      default:
        return assertNever(tagged);
    }
  };
  visit(definition.condition, 'subject');
  return scopes;
}

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
