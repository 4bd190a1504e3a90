import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../src/api/app.js';
import { applyDefinitions } from '../../src/engine/definitions/apply-definitions.js';
import { Ingestion } from '../../src/engine/ingest.js';
import { SegmentRefresher } from '../../src/engine/segments/segment-refresher.js';
import type { Store } from '../../src/store/store.js';
import { post } from '../support/app.js';
import { TestClock, testContext, testWorkspace } from '../support/context.js';
import { DATABASES, newWorkspaceId, openTestStore } from '../support/databases.js';

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
      await using refresher = new SegmentRefresher(context, (error) => assert.fail(String(error)));
      const ingestion = new Ingestion(context, (id) => refresher.written(id));
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
  });
}
