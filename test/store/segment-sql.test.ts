import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DAY_MS } from '../../src/core/activity.js';
import type { Condition, SubjectKind } from '../../src/core/segments/conditions.js';
import { evaluateSegment } from '../../src/core/segments/evaluate-segment.js';
import { trendHolds, trendValues } from '../../src/core/segments/measures.js';
import { parseSegmentDefinition, type SegmentDefinition } from '../../src/core/segments/segment-definition.js';
import type { Subject } from '../../src/core/segments/subjects.js';
import { loadSubjects } from '../../src/store/segments/load-subjects.js';
import type { Store } from '../../src/store/store.js';
import { DATABASES, newWorkspaceId, openTestStore } from '../support/databases.js';
import { messages, newId } from '../support/messages.js';
import { mulberry32, pick, randomCondition, randomTrend, randomWorkspaceMessages, SEGMENT_IDS } from '../support/random-segments.js';

const NOW = Date.UTC(2026, 0, 15, 12);
const daysAgo = (days: number) => new Date(NOW - days * DAY_MS).toISOString();
const segment = (subject: SubjectKind, condition: Condition): SegmentDefinition => ({ id: 'test', name: 'Test', subject, condition });

for (const database of DATABASES) {
  describe(`segment membership in SQL on ${database.name}`, () => {
    let store: Store;
    before(async () => (store = await openTestStore(database)));
    after(async () => store.close());

    const workspace = async (raw: object[]) => {
      const id = newWorkspaceId();
      await store.workspaces.ensure(id, id, 0);
      await store.writeMessages(id, messages(raw), newId);
      return id;
    };

    /** The SQL answer, as user ids (contacts) or group ids, after checking it against the reference. */
    const members = async (ws: string, subject: SubjectKind, condition: Condition, lists: Record<string, string[]> = {}): Promise<string[]> => {
      const definition = segment(subject, condition);
      const segmentMembers = (id: string) => lists[id] ?? [];
      const ids = await store.segmentMembers(ws, definition, { now: NOW, segmentMembers });
      assert.deepEqual(ids, await reference(ws, definition, segmentMembers), `SQL and reference differ on ${JSON.stringify(condition)}`);
      if (subject === 'account') return ids;
      const userIds = await Promise.all(ids.map(async (id) => (await store.contacts.findById(ws, id))?.userIds[0] ?? id));
      return userIds.sort();
    };

    const reference = async (ws: string, definition: SegmentDefinition, segmentMembers: (id: string) => readonly string[]) => {
      const { contacts, accounts } = await loadSubjects(store.db, store.dialect, ws);
      const subjects: Subject[] = definition.subject === 'contact' ? contacts : accounts;
      const memberships = (id: string, _kind: SubjectKind, subjectId: string) => segmentMembers(id).includes(subjectId);
      return subjects.filter((s) => evaluateSegment(definition, s, { now: NOW, memberships })).map((s) => s.id).sort();
    };

    test('trait operators are case-sensitive and compare numbers only with numbers', async () => {
      const ws = await workspace([
        { type: 'identify', userId: 'a', traits: { plan: 'Pro', score: '42', tags: ['x', 42], address: { city: 'Oslo' }, active: true } },
        { type: 'identify', userId: 'b', traits: { plan: 'pro', score: 42.0, tags: 'x', address: { city: 'oslo' }, active: 'true' } },
        { type: 'identify', userId: 'c', traits: { plan: 'Professional', score: ' 42', address: 'Oslo', "it's a key": 'x' } },
      ]);
      const trait = (name: string, op: string, value?: unknown) => ({ trait: { name, op, ...(value === undefined ? {} : { value }) } }) as Condition;
      assert.deepEqual(await members(ws, 'contact', trait('plan', 'eq', 'Pro')), ['a']);
      assert.deepEqual(await members(ws, 'contact', trait('plan', 'startsWith', 'Pro')), ['a', 'c']);
      assert.deepEqual(await members(ws, 'contact', trait('plan', 'contains', 'ro')), ['a', 'b', 'c']);
      assert.deepEqual(await members(ws, 'contact', trait('plan', 'contains', 'RO')), []);
      assert.deepEqual(await members(ws, 'contact', trait('plan', 'in', ['pro', 'Professional'])), ['b', 'c']);
      assert.deepEqual(await members(ws, 'contact', trait('score', 'eq', 42)), ['a', 'b']);
      assert.deepEqual(await members(ws, 'contact', trait('score', 'eq', '42')), ['a']);
      assert.deepEqual(await members(ws, 'contact', trait('score', 'gte', 42)), ['a', 'b']);
      assert.deepEqual(await members(ws, 'contact', trait('score', 'neq', 42)), ['c']);
      assert.deepEqual(await members(ws, 'contact', trait('tags', 'contains', 42)), ['a']);
      assert.deepEqual(await members(ws, 'contact', trait('tags', 'contains', 'x')), ['a', 'b']);
      assert.deepEqual(await members(ws, 'contact', trait('address.city', 'eq', 'Oslo')), ['a']);
      assert.deepEqual(await members(ws, 'contact', trait('address.city', 'exists')), ['a', 'b']);
      assert.deepEqual(await members(ws, 'contact', trait('active', 'eq', true)), ['a']);
      assert.deepEqual(await members(ws, 'contact', trait('tags', 'notExists')), ['c']);
      assert.deepEqual(await members(ws, 'contact', trait("it's a key", 'eq', 'x')), ['c']);
    });

    test('a missing trait fails every operator but notExists, and not includes it', async () => {
      const ws = await workspace([{ type: 'identify', userId: 'a', traits: { plan: 'pro' } }, { type: 'identify', userId: 'b', traits: {} }]);
      assert.deepEqual(await members(ws, 'contact', { trait: { name: 'plan', op: 'neq', value: 'pro' } }), []);
      assert.deepEqual(await members(ws, 'contact', { not: { trait: { name: 'plan', op: 'eq', value: 'pro' } } }), ['b']);
      assert.deepEqual(await members(ws, 'contact', { not: { trait: { name: 'plan', op: 'neq', value: 'pro' } } }), ['a', 'b']);
    });

    test('event conditions count matching track events in the window between the bounds', async () => {
      const ws = await workspace([
        { type: 'track', userId: 'a', event: 'Signed In', timestamp: daysAgo(1), properties: { device: 'ios', n: '3' } },
        { type: 'track', userId: 'a', event: 'Signed In', timestamp: daysAgo(20), properties: { device: 'web', n: 5 } },
        { type: 'track', userId: 'b', event: 'Signed In', timestamp: daysAgo(20) },
        { type: 'track', userId: 'b', event: 'Signed In', timestamp: new Date(NOW + DAY_MS).toISOString() },
        { type: 'page', userId: 'c', name: 'Signed In', timestamp: daysAgo(1) },
      ]);
      assert.deepEqual(await members(ws, 'contact', { event: { name: 'Signed In' } }), ['a', 'b']);
      assert.deepEqual(await members(ws, 'contact', { event: { name: 'Signed In', atLeast: 2 } }), ['a']);
      assert.deepEqual(await members(ws, 'contact', { event: { name: 'Signed In', withinDays: 7 } }), ['a']);
      assert.deepEqual(await members(ws, 'contact', { event: { name: 'Signed In', atMost: 0, withinDays: 7 } }), ['b', 'c']);
      assert.deepEqual(await members(ws, 'contact', { event: { name: 'signed in' } }), []);
      assert.deepEqual(await members(ws, 'contact', { event: { name: 'Signed In', where: [{ property: 'n', op: 'gt', value: 4 }] } }), ['a']);
      assert.deepEqual(await members(ws, 'contact', { event: { name: 'Signed In', where: [{ property: 'device', op: 'in', value: ['ios'] }, { property: 'n', op: 'eq', value: 3 }] } }), ['a']);
    });

    test('first and last seen read interactions up to now, not profile calls', async () => {
      const ws = await workspace([
        { type: 'identify', userId: 'a', traits: {}, timestamp: daysAgo(1) },
        { type: 'track', userId: 'a', event: 'X', timestamp: daysAgo(10) },
        { type: 'page', userId: 'b', name: 'Home', timestamp: daysAgo(40) },
        { type: 'page', userId: 'b', name: 'Home', timestamp: daysAgo(2) },
      ]);
      assert.deepEqual(await members(ws, 'contact', { lastSeen: { withinDays: 7 } }), ['b']);
      assert.deepEqual(await members(ws, 'contact', { lastSeen: { olderThanDays: 7 } }), ['a']);
      assert.deepEqual(await members(ws, 'contact', { firstSeen: { withinDays: 30, olderThanDays: 7 } }), ['a']);
      assert.deepEqual(await members(ws, 'contact', { firstSeen: { olderThanDays: 30 } }), ['b']);
    });

    test('computed revenue and event count sum interactions in the window', async () => {
      const ws = await workspace([
        { type: 'track', userId: 'a', event: 'Order Completed', properties: { revenue: 60 }, timestamp: daysAgo(2) },
        { type: 'track', userId: 'a', event: 'Order Completed', properties: { revenue: 50 }, timestamp: daysAgo(40) },
        { type: 'page', userId: 'b', name: 'Home', timestamp: daysAgo(1) },
      ]);
      assert.deepEqual(await members(ws, 'contact', { computed: { name: 'revenue', op: 'gte', value: 100 } }), ['a']);
      assert.deepEqual(await members(ws, 'contact', { computed: { name: 'revenue', op: 'eq', value: 60, withinDays: 30 } }), ['a']);
      assert.deepEqual(await members(ws, 'contact', { computed: { name: 'revenue', op: 'eq', value: 0 } }), ['b']);
      assert.deepEqual(await members(ws, 'contact', { computed: { name: 'eventCount', op: 'lt', value: 1.5, withinDays: 7 } }), ['a', 'b']);
    });

    test('trends compare the last period with the one before, without a trend from nothing', async () => {
      const at = (userId: string, event: string, time: number, properties: object = {}) => ({ type: 'track', userId, event, properties, timestamp: new Date(time).toISOString() });
      const week = (userId: string, count: number, before: number, event = 'Feature Used') =>
        Array.from({ length: count }, (_, i) => at(userId, event, NOW - before * DAY_MS - (i + 1) * 60_000));
      const ws = await workspace([
        ...week('a', 8, 0), ...week('a', 21, 7), // -62%
        ...week('b', 5, 0), ...week('b', 10, 7), // exactly -50%
        ...week('c', 3, 0, 'Ticket Created'), // nothing before: no trend
        ...week('d', 4, 0, 'Ticket Created'), ...week('d', 2, 7, 'Ticket Created'), ...week('d', 1, 7), // tickets +100%, usage +33%
        at('e', 'Feature Used', NOW - 7 * DAY_MS), at('e', 'Feature Used', NOW - 7 * DAY_MS - 1), // one on each side of the edge
        at('e', 'Feature Used', NOW - 14 * DAY_MS - 1), at('e', 'Feature Used', NOW + 1), // in neither period
        at('f', 'Order Completed', NOW - DAY_MS, { revenue: 150.25 }), at('f', 'Order Completed', NOW - 8 * DAY_MS, { revenue: 100.25 }),
        at('g', 'Order Completed', NOW - DAY_MS, { revenue: 10 }), at('g', 'Order Refunded', NOW - 8 * DAY_MS, { revenue: -40 }),
        { type: 'group', userId: 'a', groupId: 'acme' }, { type: 'group', userId: 'd', groupId: 'acme' },
        { type: 'group', userId: 'c', groupId: 'globex' },
      ]);
      const trend = (op: 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte', percent: number, more: object = {}): Condition => ({ trend: { name: 'eventCount', periodDays: 7, op, percent, ...more } });
      assert.deepEqual(await members(ws, 'contact', trend('lte', -50)), ['a', 'b']);
      assert.deepEqual(await members(ws, 'contact', trend('lt', -50)), ['a']);
      assert.deepEqual(await members(ws, 'contact', trend('eq', 0)), ['e', 'f', 'g']);
      assert.deepEqual(await members(ws, 'contact', trend('gte', 100, { event: 'Ticket Created' })), ['d']);
      assert.deepEqual(await members(ws, 'contact', trend('neq', 12345, { event: 'Ticket Created' })), ['d']);
      assert.deepEqual(await members(ws, 'contact', { not: trend('gte', 100, { event: 'Ticket Created' }) }), ['a', 'b', 'c', 'e', 'f', 'g']);
      // 150.25 against 100.25 is a change of 49.87531172069826% as JavaScript divides it; given exactly, it is equal.
      assert.deepEqual(await members(ws, 'contact', trend('eq', 49.87531172069826, { name: 'revenue' })), ['f']);
      assert.deepEqual(await members(ws, 'contact', trend('gt', -1_000_000, { name: 'revenue' })), ['f']);
      assert.deepEqual(await members(ws, 'account', trend('lte', -50)), ['acme']);
      assert.deepEqual(await members(ws, 'account', trend('gte', 100, { event: 'Ticket Created' })), ['acme']);
    });

    test('segment references read the given members, and none when not given', async () => {
      const ws = await workspace([{ type: 'identify', userId: 'a', traits: {} }, { type: 'identify', userId: 'b', traits: {} }]);
      const a = (await store.contacts.findByUserId(ws, 'a'))!.id;
      assert.deepEqual(await members(ws, 'contact', { segment: { id: 'vip' } }, { vip: [a] }), ['a']);
      assert.deepEqual(await members(ws, 'contact', { segment: { id: 'vip', in: false } }, { vip: [a] }), ['b']);
      assert.deepEqual(await members(ws, 'contact', { segment: { id: 'other' } }, { vip: [a] }), []);
      // Read from the stored memberships in SQL instead, as a full refresh does: the same answers.
      await store.segmentMemberships.replace(ws, 'vip', [a], NOW);
      const stored = (condition: Condition) => store.segmentMembers(ws, { id: 's', name: 's', subject: 'contact', condition }, { now: NOW, segmentMembers: () => 'stored' });
      assert.deepEqual(await stored({ segment: { id: 'vip' } }), [a]);
      assert.deepEqual((await stored({ segment: { id: 'vip', in: false } })).length, 1);
      assert.deepEqual(await stored({ segment: { id: 'other' } }), []);
    });

    test('account segments read typed fields, members’ events and contacts rollups', async () => {
      const ws = await workspace([
        { type: 'group', userId: 'a', groupId: 'acme', traits: { plan: 'enterprise', mrr: 1000, tier: 'gold' } },
        { type: 'group', userId: 'b', groupId: 'acme' },
        { type: 'group', userId: 'c', groupId: 'globex', traits: { plan: 'Pro' } },
        { type: 'track', userId: 'a', event: 'Signed In', timestamp: daysAgo(1) },
        { type: 'track', userId: 'b', event: 'Signed In', timestamp: daysAgo(2) },
        { type: 'track', userId: 'd', event: 'Signed In', context: { groupId: 'globex' }, timestamp: daysAgo(50) }, // d joins globex too
      ]);
      assert.deepEqual(await members(ws, 'account', { trait: { name: 'plan', op: 'eq', value: 'enterprise' } }), ['acme']);
      assert.deepEqual(await members(ws, 'account', { trait: { name: 'mrr', op: 'gt', value: 500 } }), ['acme']);
      assert.deepEqual(await members(ws, 'account', { trait: { name: 'tier', op: 'eq', value: 'gold' } }), ['acme']);
      assert.deepEqual(await members(ws, 'account', { event: { name: 'Signed In', atLeast: 2 } }), ['acme']);
      assert.deepEqual(await members(ws, 'account', { lastSeen: { olderThanDays: 30 } }), ['globex']);
      assert.deepEqual(await members(ws, 'account', { contacts: { atLeast: 2, condition: { lastSeen: { withinDays: 7 } } } }), ['acme']);
      assert.deepEqual(await members(ws, 'account', { contacts: { atMost: 0, condition: { event: { name: 'Signed In', withinDays: 7 } } } }), ['globex']);
    });

    test('random segments agree with the reference evaluator on a random workspace', async () => {
      const trendOutcomes = { holds: 0, fails: 0, noTrend: 0 };
      for (const seed of [20260115, 7]) {
        const rand = mulberry32(seed);
        const ws = await workspace(randomWorkspaceMessages(rand, NOW));
        const { contacts, accounts } = await loadSubjects(store.db, store.dialect, ws);
        const ids = [...contacts.map((c) => c.id), ...accounts.map((a) => a.id)];
        const lists = Object.fromEntries(SEGMENT_IDS.slice(0, 2).map((id) => [id, ids.filter(() => rand() < 0.4)]));
        const segmentMembers = (id: string) => lists[id] ?? [];
        const memberships = (id: string, _kind: SubjectKind, subjectId: string) => segmentMembers(id).includes(subjectId);
        for (let i = 0; i < 150; i++) {
          const subject = pick(rand, ['contact', 'contact', 'account'] as const);
          const definition = segment(subject, randomCondition(rand, subject, 3));
          assert.ok(parseSegmentDefinition(definition).ok, `generated an invalid definition: ${JSON.stringify(definition)}`);
          const subjects: Subject[] = subject === 'contact' ? contacts : accounts;
          const expected = subjects.filter((s) => evaluateSegment(definition, s, { now: NOW, memberships })).map((s) => s.id).sort();
          const actual = await store.segmentMembers(ws, definition, { now: NOW, segmentMembers });
          assert.deepEqual(actual, expected, `seed ${seed}, case ${i}: SQL and reference differ on ${JSON.stringify(definition.condition)}`);
        }
        // Trends alone, counting outcomes, so the data is known to give every kind of answer.
        for (let i = 0; i < 40; i++) {
          const subject = pick(rand, ['contact', 'account'] as const);
          const condition = randomTrend(rand);
          const definition = segment(subject, condition);
          const subjects: Subject[] = subject === 'contact' ? contacts : accounts;
          for (const s of subjects) {
            const values = trendValues(condition.trend, s.events, NOW);
            trendOutcomes[values.previous > 0 ? (trendHolds(values, condition.trend.op, condition.trend.percent) ? 'holds' : 'fails') : 'noTrend']++;
          }
          const expected = subjects.filter((s) => evaluateSegment(definition, s, { now: NOW, memberships })).map((s) => s.id).sort();
          const actual = await store.segmentMembers(ws, definition, { now: NOW, segmentMembers });
          assert.deepEqual(actual, expected, `seed ${seed}, trend ${i}: SQL and reference differ on ${JSON.stringify(condition)}`);
        }
      }
      for (const [outcome, count] of Object.entries(trendOutcomes)) assert.ok(count > 20, `random trends gave ${outcome} only ${count} times`);
    });
  });
}
