import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../src/api/app.js';
import { DAY_MS } from '../../src/core/activity.js';
import { NO_LOGIN_FOR_14_DAYS } from '../../src/core/segments/examples.js';
import { parseSegmentDefinition, type SegmentDefinition } from '../../src/core/segments/segment-definition.js';
import { findCycle } from '../../src/core/segments/segment-dependencies.js';
import type { EngineContext } from '../../src/engine/context.js';
import { Ingestion } from '../../src/engine/ingest.js';
import { computeMembers } from '../../src/engine/segments/segment-membership.js';
import { SegmentRefresher } from '../../src/engine/segments/segment-refresher.js';
import type { Store } from '../../src/store/store.js';
import { post } from '../support/app.js';
import { TestClock, testContext, testWorkspace } from '../support/context.js';
import { DATABASES, newWorkspaceId, openTestStore } from '../support/databases.js';
import { mulberry32, pick, randomCondition, randomWorkspaceMessages, SEGMENT_IDS, type Random } from '../support/random-segments.js';
import { manualDelay } from './manual-delay.js';

const HOUR = 3_600_000;
const EVENT_NAMES = ['Signed In', 'Report Created', 'Order Completed', 'Invite Sent'];

/**
 * Random segments that refer to each other (acyclically), between kinds too, plus fixed ones
 * for the paths a random draw may miss: a window, and segments that read seg-a on their own
 * subject and through `contacts`.
 */
function randomSegments(rand: Random): SegmentDefinition[] {
  for (;;) {
    const segments: SegmentDefinition[] = [...SEGMENT_IDS, 'seg-d', 'seg-e'].map((id) => {
      const subject = pick(rand, ['contact', 'contact', 'account'] as const);
      return { id, name: id, subject, condition: randomCondition(rand, subject, 3) };
    });
    segments.push(
      NO_LOGIN_FOR_14_DAYS,
      { id: 'teams-with-a', name: 'Teams with seg-a', subject: 'account', condition: { contacts: { atLeast: 1, condition: { segment: { id: 'seg-a' } } } } },
      // seg-a is a contact or an account segment: one of these reads it on its own kind of subject.
      { id: 'contacts-not-in-a', name: 'Contacts not in seg-a', subject: 'contact', condition: { segment: { id: 'seg-a', in: false } } },
      { id: 'accounts-in-a', name: 'Accounts in seg-a', subject: 'account', condition: { segment: { id: 'seg-a' } } },
    );
    if (findCycle(segments) === null && segments.every((s) => parseSegmentDefinition(s).ok)) return segments;
  }
}

/** A few messages of every kind that changes segments: events (some sent ahead of time), traits, accounts, merges. */
function randomBatch(rand: Random, now: number): object[] {
  const user = () => `u${Math.floor(rand() * 34)}`;
  const iso = (t: number) => new Date(t).toISOString();
  const when = () => iso(rand() < 0.1 ? now + Math.floor(rand() * 2 * DAY_MS) : now - Math.floor(rand() * 20 * DAY_MS));
  return Array.from({ length: 1 + Math.floor(rand() * 4) }, () => {
    switch (pick(rand, ['track', 'track', 'track', 'page', 'identify', 'group', 'alias', 'anonymous'] as const)) {
      case 'track': {
        const context = rand() < 0.3 ? { groupId: `g${Math.floor(rand() * 10)}` } : {};
        return { type: 'track', userId: user(), event: pick(rand, EVENT_NAMES), properties: { revenue: Math.floor(rand() * 40) * 25, plan: pick(rand, ['Pro', 'free']) }, context, timestamp: when() };
      }
      case 'page':
        return { type: 'page', userId: user(), name: 'Home', timestamp: when() };
      case 'identify':
        return { type: 'identify', userId: user(), traits: { plan: pick(rand, ['Pro', 'pro', 'free', null]), score: pick(rand, [0, 7, 42, '42']) } };
      case 'group':
        return { type: 'group', userId: user(), groupId: `g${Math.floor(rand() * 10)}`, traits: rand() < 0.5 ? { plan: pick(rand, ['Pro', 'enterprise', 'free']), mrr: pick(rand, [0, 100, 1000]) } : {} };
      case 'alias':
        return { type: 'alias', userId: user(), previousId: user() };
      case 'anonymous': {
        const anonymousId = `anon-${Math.floor(rand() * 5)}`;
        return rand() < 0.5 ? { type: 'page', anonymousId, name: 'Pricing', timestamp: when() } : { type: 'identify', userId: user(), anonymousId, traits: {} };
      }
    }
  });
}

/** Every segment's stored members against a full recompute at the clock's time. */
async function assertEqualsFullRecompute(context: EngineContext, workspaceId: string, segments: readonly SegmentDefinition[], step: string): Promise<void> {
  const expected = await computeMembers(context, workspaceId, segments, segments.map((s) => s.id), context.clock.now());
  for (const segment of segments) {
    const stored = await context.store.segmentMemberships.members(workspaceId, segment.id);
    assert.deepEqual(stored, [...(expected.get(segment.id) ?? [])].sort(), `${step}: ${segment.id} differs from a full recompute; ${JSON.stringify(segment)}`);
  }
}

/** Segments that time alone moves one way or the other (core/segments/polarity.ts, `agingPolarity`). */
const AGING_SEGMENTS: SegmentDefinition[] = [
  { id: 'active-7', name: 'Active in 7 days', subject: 'contact', condition: { lastSeen: { withinDays: 7 } } },
  { id: 'quiet-5', name: 'Not seen for 5 days', subject: 'contact', condition: { lastSeen: { olderThanDays: 5 } } },
  { id: 'new-40', name: 'First seen in 40 days', subject: 'contact', condition: { firstSeen: { withinDays: 40 } } },
  { id: 'busy-10', name: '3 sign-ins in 10 days', subject: 'contact', condition: { event: { name: 'Signed In', atLeast: 3, withinDays: 10 } } },
  { id: 'idle-6', name: 'At most 1 report in 6 days', subject: 'contact', condition: { event: { name: 'Report Created', atMost: 1, withinDays: 6 } } },
  { id: 'few-8', name: 'Under 4 interactions in 8 days', subject: 'contact', condition: { computed: { name: 'eventCount', op: 'lt', value: 4, withinDays: 8 } } },
  NO_LOGIN_FOR_14_DAYS,
  { id: 'teams-active', name: 'Two contacts active in 9 days', subject: 'account', condition: { contacts: { atLeast: 2, condition: { lastSeen: { withinDays: 9 } } } } },
  { id: 'teams-quiet', name: 'No order in 12 days', subject: 'account', condition: { not: { event: { name: 'Order Completed', withinDays: 12 } } } },
];

for (const database of DATABASES) {
  describe(`incremental segment memberships on ${database.name}`, () => {
    let store: Store;
    before(async () => (store = await openTestStore(database)));
    after(async () => store.close());

    test('updating only what writes touched, and on each tick what time moved, always equals a full recompute', async () => {
      for (const seed of [1, 2, 3]) {
        const rand = mulberry32(seed);
        const clock = new TestClock(Date.UTC(2026, 0, 15, 12));
        const context = testContext(store, clock);
        const ws = await testWorkspace(context, newWorkspaceId());
        let segments = randomSegments(rand);
        await store.definitions.saveAll(ws.workspaceId, segments.map((spec) => ({ kind: 'Segment' as const, spec })), 'test', clock.now());
        const timers = manualDelay(clock);
        await using refresher = new SegmentRefresher(context, { onError: (error) => assert.fail(String(error)), delay: timers.delay });
        const app = createApp(context, new Ingestion(context, (id, touched) => refresher.written(id, touched)));
        const send = async (batch: object[]) => assert.equal((await post(app, '/v1/batch', { batch }, ws.ingestHeaders)).status, 200);

        await send(randomWorkspaceMessages(rand, clock.now()));
        await refresher.idle();
        await assertEqualsFullRecompute(context, ws.workspaceId, segments, `seed ${seed}, first refresh`);

        for (let round = 1; round <= 8; round++) {
          // Sometimes time passes before the write: untouched subjects are then behind until the tick.
          if (round === 4) {
            // A changed definition is evaluated over every subject; what refers to it follows its changes.
            const redefined = randomSegments(rand).find((s) => s.id === 'seg-a')!;
            const next = segments.map((s) => (s.id === 'seg-a' ? redefined : s));
            if (findCycle(next) === null) {
              segments = next;
              await store.definitions.saveAll(ws.workspaceId, [{ kind: 'Segment', spec: redefined }], 'test', clock.now());
            }
          }
          const behind = rand() < 0.3;
          if (behind) clock.advance(Math.floor(rand() * 3 * DAY_MS));
          for (let writes = 1 + Math.floor(rand() * 3); writes > 0; writes--) await send(randomBatch(rand, clock.now()));
          await refresher.idle();
          if (!behind) await assertEqualsFullRecompute(context, ws.workspaceId, segments, `seed ${seed}, round ${round}, after writes`);
          clock.advance(pick(rand, [60_000, HOUR, DAY_MS, 3 * DAY_MS, 8 * DAY_MS]));
          await refresher.tick([ws.workspaceId]);
          await assertEqualsFullRecompute(context, ws.workspaceId, segments, `seed ${seed}, round ${round}, after the tick`);
        }
      }
    });
    test('as time alone passes, members leave windowed segments and others enter, as a full recompute says', async () => {
      const rand = mulberry32(7);
      const clock = new TestClock(Date.UTC(2026, 0, 15, 12));
      const context = testContext(store, clock);
      const ws = await testWorkspace(context, newWorkspaceId());
      await store.definitions.saveAll(ws.workspaceId, AGING_SEGMENTS.map((spec) => ({ kind: 'Segment' as const, spec })), 'test', clock.now());
      const timers = manualDelay(clock);
      await using refresher = new SegmentRefresher(context, { onError: (error) => assert.fail(String(error)), delay: timers.delay });
      const app = createApp(context, new Ingestion(context, (id, touched) => refresher.written(id, touched)));
      assert.equal((await post(app, '/v1/batch', { batch: randomWorkspaceMessages(rand, clock.now()) }, ws.ingestHeaders)).status, 200);
      await refresher.idle();
      const moves = { entered: 0, exited: 0 };
      for (let tick = 1; tick <= 24; tick++) {
        const before = new Map(await Promise.all(AGING_SEGMENTS.map(async (s) => [s.id, new Set(await store.segmentMemberships.members(ws.workspaceId, s.id))] as const)));
        clock.advance(pick(rand, [6 * HOUR, 19 * HOUR, DAY_MS, 2 * DAY_MS]));
        await refresher.tick([ws.workspaceId]);
        await assertEqualsFullRecompute(context, ws.workspaceId, AGING_SEGMENTS, `tick ${tick}`);
        for (const segment of AGING_SEGMENTS) {
          const after = new Set(await store.segmentMemberships.members(ws.workspaceId, segment.id));
          moves.entered += [...after].filter((id) => !before.get(segment.id)!.has(id)).length;
          moves.exited += [...before.get(segment.id)!].filter((id) => !after.has(id)).length;
        }
      }
      // Both ways happened, so both halves of each segment were looked at.
      assert.ok(moves.entered > 10 && moves.exited > 10, JSON.stringify(moves));
    });
  });
}
