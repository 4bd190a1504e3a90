import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../src/api/app.js';
import { Ingestion } from '../../src/engine/ingest.js';
import { assignModels } from '../../src/engine/models/assign-models.js';
import { SegmentRefresher } from '../../src/engine/segments/segment-refresher.js';
import type { Store } from '../../src/store/store.js';
import { post } from '../support/app.js';
import { TestClock, testContext, testWorkspace } from '../support/context.js';
import { DATABASES, newWorkspaceId, openTestStore } from '../support/databases.js';

const DAY = 86_400_000;

for (const database of DATABASES) {
  describe(`hybrid phases on ${database.name}`, () => {
    let store: Store;
    before(async () => (store = await openTestStore(database)));
    after(async () => store.close());

    test('onboarding ends at the activation milestone, or after its maximum days, each move in the history', async () => {
      const clock = new TestClock(Date.UTC(2026, 2, 1));
      const context = testContext(store, clock);
      const ws = await testWorkspace(context, newWorkspaceId());
      await using refresher = new SegmentRefresher(context, { onError: (error) => assert.fail(String(error)) });
      const app = createApp(context, new Ingestion(context, (id) => refresher.written(id)));
      const send = (batch: object[]) => post(app, '/v1/batch', { batch }, ws.ingestHeaders);
      // Two accounts big enough for hands-on onboarding, simple enough for low touch after.
      await send([
        { type: 'group', userId: 'ann', groupId: 'fast', traits: { name: 'Fast', arr: 30_000, complexity: 'low' } },
        { type: 'group', userId: 'bob', groupId: 'slow', traits: { name: 'Slow', arr: 30_000, complexity: 'low' } },
      ]);
      await refresher.idle();
      await assignModels(context, ws.workspaceId, 'test');
      assert.equal((await store.accountModels.find(ws.workspaceId, 'fast'))?.phaseId, 'onboarding');

      clock.advance(10 * DAY);
      await send([{ type: 'track', userId: 'ann', event: 'Onboarding Completed', context: { groupId: 'fast' }, timestamp: new Date(clock.now()).toISOString() }]);
      await refresher.idle();
      const fast = await store.accountModels.find(ws.workspaceId, 'fast');
      assert.deepEqual([fast?.modelId, fast?.phaseId, fast?.phaseSince], ['hybrid-onboarding', 'adoption', clock.now()]);
      assert.match(fast!.reason, /High-touch onboarding ended at the activation milestone \(the account entered segment activated\); now Low touch after onboarding/);
      assert.equal((await store.accountModels.find(ws.workspaceId, 'slow'))?.phaseId, 'onboarding');

      clock.advance(81 * DAY);
      await refresher.tick([ws.workspaceId]);
      const slow = await store.accountModels.find(ws.workspaceId, 'slow');
      assert.equal(slow?.phaseId, 'adoption');
      const history = await store.accountModels.history(ws.workspaceId, 'slow');
      assert.deepEqual(history.map((h) => [h.fromPhase, h.toPhase, h.changedBy]), [['onboarding', 'adoption', 'phases'], [null, 'onboarding', 'test']]);
      assert.match(history[0]!.reason, /ended after 90 days without reaching segment activated/);
    });
  });
}
