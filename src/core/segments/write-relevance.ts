import { assertNever } from '../errors.js';
import { tagCondition, type Condition } from './conditions.js';
import type { SegmentDefinition } from './segment-definition.js';

/**
 * What a write changed, as segment refreshes need it. A write that only adds interactions
 * (track, page, screen) for contacts, accounts and memberships that already existed changes
 * no trait and no membership: only conditions on interactions can change their answer, of
 * event conditions only those on the names written, and of revenue measures only when an
 * interaction carried revenue. Anything else — identify, group or alias
 * calls, merges, new contacts, accounts or memberships — is a profile change: every segment.
 */
export interface WriteKinds {
  profiles: boolean;
  /** Track, page or screen messages were stored. */
  interactions: boolean;
  /** Names of the track events stored. */
  eventNames: readonly string[];
  /** An interaction with a revenue amount was stored; absent: unknown, so possibly. */
  revenue?: boolean;
}

/** Whether a write of these kinds can change who is in the segment (its references aside: those propagate). */
export function segmentAffectedBy(segment: SegmentDefinition, writes: WriteKinds | undefined): boolean {
  if (writes === undefined || writes.profiles) return true;
  return readsWritten(segment.condition, { interactions: writes.interactions, revenue: writes.interactions && (writes.revenue ?? true), names: new Set(writes.eventNames) });
}

interface Written {
  interactions: boolean;
  revenue: boolean;
  names: ReadonlySet<string>;
}

function readsWritten(condition: Condition, written: Written): boolean {
  const tagged = tagCondition(condition);
  switch (tagged.kind) {
    case 'all':
    case 'any':
      return tagged.body.some((c) => readsWritten(c, written));
    case 'not':
      return readsWritten(tagged.body, written);
    case 'contacts':
      return readsWritten(tagged.body.condition, written);
    case 'event':
      return written.names.has(tagged.body.name);
    case 'trend': {
      const counted = tagged.body.event === undefined ? written.interactions : written.names.has(tagged.body.event);
      return counted && (tagged.body.name !== 'revenue' || written.revenue);
    }
    case 'computed':
      return tagged.body.name === 'revenue' ? written.revenue : written.interactions;
    case 'firstSeen':
    case 'lastSeen':
      return written.interactions;
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
  const revenue = a.revenue === undefined || b.revenue === undefined ? undefined : a.revenue || b.revenue;
  return { profiles: a.profiles || b.profiles, interactions: a.interactions || b.interactions, eventNames: [...new Set([...a.eventNames, ...b.eventNames])], ...(revenue === undefined ? {} : { revenue }) };
}

/**
 * Whether the condition reads the subject's interactions (events, seen times, computed values,
 * trends) at all; one on traits and segment memberships alone is answered without loading them.
 */
export function readsInteractions(condition: Condition): boolean {
  const tagged = tagCondition(condition);
  switch (tagged.kind) {
    case 'all':
    case 'any':
      return tagged.body.some(readsInteractions);
    case 'not':
      return readsInteractions(tagged.body);
    case 'contacts':
      return readsInteractions(tagged.body.condition);
    case 'trait':
    case 'segment':
      return false;
    case 'event':
    case 'trend':
    case 'computed':
    case 'firstSeen':
    case 'lastSeen':
      return true;
    default:
      return assertNever(tagged);
  }
}
