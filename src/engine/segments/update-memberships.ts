import { dependencyLevels, referenceScopes } from '../../core/segments/membership-propagation.js';
import type { SegmentDefinition } from '../../core/segments/segment-definition.js';
import { agingPolarity, interactionPolarity, type Polarity } from '../../core/segments/polarity.js';
import { segmentAffectedBy } from '../../core/segments/write-relevance.js';
import { chunks } from '../../store/chunks.js';
import type { TouchedSubjects } from '../../store/ingest/write-messages.js';
import type { SegmentChange } from '../../store/segment-membership-queries.js';
import type { EngineContext } from '../context.js';

/** What a refresh must re-evaluate, before following references. */
export interface RefreshScope {
  /** Segments evaluated over every subject: all of them, or new and changed definitions. */
  whole: ReadonlySet<string>;
  /** Subjects whose data changed: re-evaluated in every other segment. */
  touched: TouchedSubjects;
  /** Subjects re-evaluated in `segments` only: time moved one of their events across a window's edge. */
  aged?: { segments: ReadonlySet<string>; subjects: TouchedSubjects };
}

/** Subjects evaluated in one query (and referenced members read for them); bounds statement size. */
const BATCH = 2000;

/**
 * Brings the stored memberships of `segments` up to date at `now` for what `scope` says
 * changed, and returns every entry and exit it recorded. Segments go in dependency order,
 * so a reference reads the referenced segment's updated members; its changes then reach the
 * segments referring to it (core/segments/membership-propagation.ts).
 *
 * A contact segment re-evaluates the touched contacts. An account segment re-evaluates the
 * touched accounts and every account of a touched contact: an account's events include its
 * contacts' events, and `contacts` conditions read the contacts themselves. A merged-away
 * contact is no subject any more, so re-evaluating it removes it from every segment.
 *
 * Segments of one dependency level do not read each other; where the store has several
 * connections they are evaluated a few at a time, and their changes are returned in
 * dependency order all the same.
 */
export async function updateMemberships(context: EngineContext, workspaceId: string, segments: readonly SegmentDefinition[], scope: RefreshScope, now: number): Promise<SegmentChange[]> {
  const store = context.store;
  const inForce = new Set(segments.map((s) => s.id));
  const changedIds = new Map<string, string[]>();
  const accountsOf = cached((contacts: readonly string[]) => store.segmentMemberships.accountsOfContacts(workspaceId, contacts));
  const recorded: SegmentChange[] = [];

  const refreshOne = async (segment: SegmentDefinition): Promise<SegmentChange[]> => {
    const references = referenceScopes(segment);
    // An unknown reference has no members, as when every segment is computed at once.
    const known = [...references.keys()].filter((id) => inForce.has(id));
    let changes: SegmentChange[];
    if (scope.whole.has(segment.id)) {
      // References read the stored members in SQL: refreshed just before, in dependency order,
      // and possibly too many to bind as parameters.
      const stored = new Set(known);
      const members = await store.segmentMembers(workspaceId, segment, { now, segmentMembers: (id) => (stored.has(id) ? 'stored' : []) });
      changes = await store.segmentMemberships.replace(workspaceId, segment.id, members, now);
    } else {
      const affected = new Set<string>();
      // A write of interactions alone cannot move a subject in a segment that does not read them,
      // nor a member out of a segment they can only bring subjects into (or the reverse).
      const writes = scope.touched.writes;
      if (segmentAffectedBy(segment, writes)) {
        const polarity = writes !== undefined && !writes.profiles ? interactionPolarity(segment.condition) : 'any';
        await addAbleToMove(segment, polarity, scope.touched, affected);
      }
      // Time alone moves subjects one way in most segments: out of "active in the last 7 days", into "not seen for 14".
      if (scope.aged?.segments.has(segment.id)) await addAbleToMove(segment, agingPolarity(segment.condition), scope.aged.subjects, affected);
      for (const [id, where] of references) {
        const moved = changedIds.get(id) ?? [];
        if (moved.length === 0) continue;
        if (where.has('subject')) for (const subjectId of moved) affected.add(subjectId);
        if (where.has('contacts')) for (const groupId of await accountsOf(moved)) affected.add(groupId);
      }
      const throughContacts = [...references.values()].some((where) => where.has('contacts'));
      changes = [];
      for (const batch of chunks([...affected].sort(), BATCH)) {
        // References are read only for the ids this batch tests: its subjects, and their contacts.
        const tested = throughContacts ? [...batch, ...(await store.segmentMemberships.contactsOfAccounts(workspaceId, batch))] : batch;
        const lists = new Map<string, string[]>();
        for (const id of known) lists.set(id, await store.segmentMemberships.membersAmong(workspaceId, id, tested));
        const members = await store.segmentMembers(workspaceId, segment, { now, subjects: batch, segmentMembers: (id) => lists.get(id) ?? [] });
        changes.push(...(await store.segmentMemberships.replaceAmong(workspaceId, segment.id, batch, members, now)));
      }
    }
    return changes;
  };

  /** Adds the segment's subjects among `subjects` that can move the way `polarity` says: members where they can only exit, the others where they can only enter. */
  const addAbleToMove = async (segment: SegmentDefinition, polarity: Polarity, subjects: TouchedSubjects, to: Set<string>): Promise<void> => {
    if (polarity === 'none') return;
    const ids = new Set(segment.subject === 'contact' ? subjects.contacts : [...subjects.accounts, ...(await accountsOf(subjects.contacts))]);
    if (polarity === 'any') {
      for (const id of ids) to.add(id);
      return;
    }
    const members = new Set(await store.segmentMemberships.membersAmong(workspaceId, segment.id, [...ids]));
    for (const id of ids) if (members.has(id) === (polarity === 'exit')) to.add(id);
  };

  for (const level of dependencyLevels(segments)) {
    const results = await mapConcurrently(level, store.dialect.capabilities.parallelStatements, refreshOne);
    for (const [i, changes] of results.entries()) {
      changedIds.set(level[i]!.id, changes.map((c) => c.subjectId));
      // One at a time: a first refresh at 8.5 million events records more entries for one
      // segment than a spread call may pass as arguments.
      for (const change of changes) recorded.push(change);
    }
  }
  return recorded;
}

/** `items.map(run)` with at most `limit` runs at a time; results in the order of `items`. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await run(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** One lookup per distinct input array within a refresh. */
function cached<T>(load: (key: readonly string[]) => Promise<T>): (key: readonly string[]) => Promise<T> {
  const results = new Map<readonly string[], Promise<T>>();
  return (key) => {
    let result = results.get(key);
    if (!result) results.set(key, (result = load(key)));
    return result;
  };
}
