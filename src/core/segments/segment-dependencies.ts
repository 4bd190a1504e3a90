import { assertNever } from '../errors.js';
import { tagCondition, type Condition } from './conditions.js';
import type { SegmentDefinition } from './segment-definition.js';

/** Ids of the segments a definition refers to, each once, in order of first mention. */
export function segmentDependencies(definition: SegmentDefinition): string[] {
  return [...referenceScopes(definition).keys()];
}

/**
 * Where a reference tests membership: `subject` in the segment's own condition (the subject's
 * id), `contacts` inside an account segment's `contacts` (each member contact's id); see
 * membership-propagation.ts for what that means when memberships change.
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
 * A cycle of references among the definitions, as the ids along it with the first repeated
 * at the end (`['a', 'b', 'a']`; a segment that refers to itself is `['a', 'a']`), or null.
 * References to ids not among the definitions are not followed. Segments must be computed
 * in an order where each comes after those it refers to, which a cycle makes impossible.
 */
export function findCycle(definitions: readonly SegmentDefinition[]): string[] | null {
  const dependencies = new Map(definitions.map((d) => [d.id, segmentDependencies(d)]));
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (id: string): string[] | null => {
    const at = path.indexOf(id);
    if (at >= 0) return [...path.slice(at), id];
    if (done.has(id) || !dependencies.has(id)) return null;
    path.push(id);
    for (const next of dependencies.get(id) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(id);
    return null;
  };
  for (const definition of definitions) {
    const cycle = visit(definition.id);
    if (cycle) return cycle;
  }
  return null;
}
