import { assertNever } from '../errors.js';
import { tagCondition, type Condition } from './conditions.js';
import type { SegmentDefinition } from './segment-definition.js';

/** Ids of the segments a definition refers to, each once, in order of first mention. */
export function segmentDependencies(definition: SegmentDefinition): string[] {
  const ids: string[] = [];
  const visit = (condition: Condition): void => {
    const tagged = tagCondition(condition);
    switch (tagged.kind) {
      case 'all':
      case 'any':
        tagged.body.forEach(visit);
        return;
      case 'not':
        visit(tagged.body);
        return;
      case 'contacts':
        visit(tagged.body.condition);
        return;
      case 'segment':
        if (!ids.includes(tagged.body.id)) ids.push(tagged.body.id);
        return;
      case 'trait':
      case 'event':
      case 'firstSeen':
      case 'lastSeen':
      case 'computed':
      case 'trend':
        return;
      default:
        assertNever(tagged);
    }
  };
  visit(definition.condition);
  return ids;
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
