import { assertNever } from '../errors.js';
import { tagCondition, type Condition } from './conditions.js';
import type { SegmentDefinition } from './segment-definition.js';

/**
 * What a write changed, as segment refreshes need it. A write that only adds interactions
 * (track, page, screen) for contacts, accounts and memberships that already existed changes
 * no trait and no membership: only conditions on interactions can change their answer, and of
 * event conditions only those on the names written. Anything else — identify, group or alias
 * calls, merges, new contacts, accounts or memberships — is a profile change: every segment.
 */
export interface WriteKinds {
  profiles: boolean;
  /** Track, page or screen messages were stored. */
  interactions: boolean;
  /** Names of the track events stored. */
  eventNames: readonly string[];
}

/** Whether a write of these kinds can change who is in the segment (its references aside: those propagate). */
export function segmentAffectedBy(segment: SegmentDefinition, writes: WriteKinds | undefined): boolean {
  if (writes === undefined || writes.profiles) return true;
  const names = new Set(writes.eventNames);
  return readsWritten(segment.condition, writes.interactions, names);
}

function readsWritten(condition: Condition, interactions: boolean, names: ReadonlySet<string>): boolean {
  const tagged = tagCondition(condition);
  switch (tagged.kind) {
    case 'all':
    case 'any':
      return tagged.body.some((c) => readsWritten(c, interactions, names));
    case 'not':
      return readsWritten(tagged.body, interactions, names);
    case 'contacts':
      return readsWritten(tagged.body.condition, interactions, names);
    case 'event':
      return names.has(tagged.body.name);
    case 'trend':
      return tagged.body.event === undefined ? interactions : names.has(tagged.body.event);
    case 'firstSeen':
    case 'lastSeen':
    case 'computed':
      return interactions;
    case 'trait':
    case 'segment':
      // Traits change only with profile writes; references follow the referenced segment's changes.
      return false;
    default:
      return assertNever(tagged);
  }
}

/** Two writes' kinds as one (for writes that share a refresh); unknown stays unknown. */
export function unionWriteKinds(a: WriteKinds | undefined, b: WriteKinds | undefined): WriteKinds | undefined {
  if (a === undefined || b === undefined) return undefined;
  return { profiles: a.profiles || b.profiles, interactions: a.interactions || b.interactions, eventNames: [...new Set([...a.eventNames, ...b.eventNames])] };
}
