import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../src/api/app.js';
import { applyDefinitions } from '../../src/engine/definitions/apply-definitions.js';
import { Ingestion } from '../../src/engine/ingest.js';
import { describeRefresh, SegmentRefresher, type RefreshReport } from '../../src/engine/segments/segment-refresher.js';
import type { Store } from '../../src/store/store.js';
import { post } from '../support/app.js';
import { TestClock, testContext, testWorkspace } from '../support/context.js';
import { DATABASES, newWorkspaceId, openTestStore } from '../support/databases.js';
import { manualDelay } from './manual-delay.js';

const DAY = 86_400_000;
const SEGMENTS = `kind: Segment
spec:
  id: pro-users
  name: Pro users
  subject: contact
  condition: { trait: { name: plan, op: eq, value: pro } }
---
kind: Segment
spec:
  id: quiet-pros
  name: Pros with no login for 14 days
  subject: contact
  condition:
    all:
      - segment: { id: pro-users }
      - event: { name: Signed In, atMost: 0, withinDays: 14 }
`;
const WEEKLY = `kind: Segment
spec:
  id: active-this-week
  name: Signed in within 7 days
  subject: contact
  condition: { event: { name: Signed In, withinDays: 7 } }
---
kind: Segment
spec:
  id: teams-active-this-week
  name: Accounts with someone active this week
  subject: account
  condition: { contacts: { condition: { segment: { id: active-this-week } } } }
`;

for (const database of DATABASES) {
  describe(`segment memberships on ${database.name}`, () => {
    let store: Store;
    before(async () => (store = await openTestStore(database)));
    after(async () => store.close());

    test('ingestion moves people into and out of segments, recording entries and exits with their time', async () => {
      const clock = new TestClock(Date.UTC(2026, 2, 1));
      const context = testContext(store, clock);
      const ws = await testWorkspace(context, newWorkspaceId());
      assert.ok((await applyDefinitions(context, ws.workspaceId, [{ name: 'segments.yaml', text: SEGMENTS }], 'test')).ok);
      await using refresher = new SegmentRefresher(context, { onError: (error) => assert.fail(String(error)) });
      const ingestion = new Ingestion(context, (id, touched) => refresher.written(id, touched));
      const app = createApp(context, ingestion);
      const send = (body: object) => post(app, '/v1/batch', { batch: [body] }, ws.ingestHeaders);

      await send({ type: 'identify', userId: 'ann', traits: { plan: 'pro' } });
      await send({ type: 'track', userId: 'ann', event: 'Signed In', timestamp: new Date(clock.now()).toISOString() });
      await refresher.idle();
      const contact = await store.contacts.findByUserId(ws.workspaceId, 'ann');
      assert.deepEqual(await store.segmentMemberships.members(ws.workspaceId, 'pro-users'), [contact!.id]);
      assert.deepEqual(await store.segmentMemberships.members(ws.workspaceId, 'quiet-pros'), []);

      // No event at all: fifteen days later the scheduler's tick finds Ann quiet.
      clock.advance(15 * DAY);
      await refresher.tick([ws.workspaceId]);
      assert.deepEqual(await store.segmentMemberships.members(ws.workspaceId, 'quiet-pros'), [contact!.id]);

      clock.advance(DAY);
      await send({ type: 'identify', userId: 'ann', traits: { plan: 'starter' } });
      await refresher.idle();
      assert.deepEqual(await store.segmentMemberships.members(ws.workspaceId, 'pro-users'), []);
      const history = await (await app.request('/api/segments/quiet-pros/history', { headers: ws.apiHeaders })).json();
      assert.deepEqual(history.items.map((h: { change: string; at: number }) => [h.change, h.at]), [
        ['exited', Date.UTC(2026, 2, 17)],
        ['entered', Date.UTC(2026, 2, 16)],
      ]);
      const members = await (await app.request('/api/segments/pro-users/members', { headers: ws.apiHeaders })).json();
      assert.deepEqual(members.items, []);
      assert.equal((await app.request('/api/segments/nope/members', { headers: ws.apiHeaders })).status, 404);
    });

    test('an event that moves a contact into a segment is reflected within a second, and subjects not touched are left as they were', async () => {
      const clock = new TestClock(Date.UTC(2026, 2, 1));
      const context = testContext(store, clock);
      const ws = await testWorkspace(context, newWorkspaceId());
      assert.ok((await applyDefinitions(context, ws.workspaceId, [{ name: 'segments.yaml', text: WEEKLY }], 'test')).ok);
      const timers = manualDelay(clock);
      const reports: RefreshReport[] = [];
      await using refresher = new SegmentRefresher(context, { onError: (error) => assert.fail(String(error)), onRefreshed: (r) => reports.push(r), delay: timers.delay });
      const app = createApp(context, new Ingestion(context, (id, touched) => refresher.written(id, touched)));
      const send = (batch: object[]) => post(app, '/v1/batch', { batch }, ws.ingestHeaders);
      const at = (daysAgo: number) => new Date(clock.now() - daysAgo * DAY).toISOString();
      const id = async (userId: string) => (await store.contacts.findByUserId(ws.workspaceId, userId))!.id;
      const members = (segmentId: string) => store.segmentMemberships.members(ws.workspaceId, segmentId);

      await send([
        { type: 'group', userId: 'ann', groupId: 'acme' },
        { type: 'group', userId: 'bob', groupId: 'globex' },
        { type: 'track', userId: 'bob', event: 'Signed In', timestamp: at(6) },
      ]);
      assert.notEqual(timers.next(1000), null);
      const firstRefreshAt = clock.now();
      await refresher.idle();
      const [ann, bob] = [await id('ann'), await id('bob')];
      assert.deepEqual(await members('active-this-week'), [bob]);
      assert.deepEqual(await members('teams-active-this-week'), ['globex']);

      // Two days on, Bob's sign-in is eight days old: evaluated now he would leave, but only Ann is touched.
      clock.advance(2 * DAY);
      await send([{ type: 'track', userId: 'ann', event: 'Signed In', timestamp: at(0) }]);
      const writtenAt = clock.now();
      assert.deepEqual(await members('active-this-week'), [bob]);
      const waited = timers.next(1000);
      assert.ok(waited !== null && waited < 1000, `the update was due ${waited} ms after the write`);
      await refresher.idle();
      assert.deepEqual(await members('active-this-week'), [ann, bob].sort());
      assert.deepEqual(await members('teams-active-this-week'), ['acme', 'globex']);
      const history = await store.segmentMemberships.history(ws.workspaceId, 'active-this-week', 10);
      assert.deepEqual(history.map((h) => [h.subjectId, h.change, h.at]), [[ann, 'entered', writtenAt + waited], [bob, 'entered', firstRefreshAt]]);
      const written = reports.at(-1)!;
      assert.deepEqual([written.tick, written.wholeSegments, written.touched, written.changes], [false, 0, { contacts: 1, accounts: 0 }, 2]);

      // The scheduler's tick finds what time alone changed: Bob leaves, and with him his account.
      await refresher.tick([ws.workspaceId]);
      assert.deepEqual(await members('active-this-week'), [ann]);
      assert.deepEqual(await members('teams-active-this-week'), ['acme']);
      const ticked = reports.at(-1)!;
      assert.deepEqual([ticked.tick, ticked.wholeSegments, ticked.aged.contacts, ticked.changes], [true, 0, 1, 2]);
      assert.match(describeRefresh(ticked), /^tick refresh of .*: \d+ ms; 0 segments whole; .*aged 1 contacts, 0 accounts; 2 changes/);
    });
  });
}
