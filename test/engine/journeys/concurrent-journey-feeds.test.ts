import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { feedJourneys } from '../../../src/engine/journeys/triggers/event-feed.js';
import { postgresDialect } from '../../../src/store/dialects/postgres/postgres-dialect.js';
import { Store } from '../../../src/store/store.js';
import { TestClock, testContext } from '../../support/context.js';
import { newWorkspaceId } from '../../support/databases.js';
import { journey } from './journey-fixtures.js';
import { contactId, feedUntilCaughtUp, ingest, workspaceWith } from './journey-trigger-fixtures.js';

const url = process.env['TOUCHPOINT_TEST_DATABASE_URL'];

const welcome = journey({
  id: 'welcome',
  name: 'Welcome',
  trigger: { event: { name: 'Signed Up' } },
  entry: { againAfter: { minutes: 1 } },
  steps: [{ id: 'mail', email: { template: 'welcome' } }],
});

// Several `touchpoint worker` processes over one PostgreSQL: modelled by stores with their own pools.
describe('journey feeds in several processes over one PostgreSQL server', { skip: url ? false : 'needs TOUCHPOINT_TEST_DATABASE_URL' }, () => {
  test('two feeders racing while events are written start each run once and miss no event', async () => {
    const stores = await Promise.all(Array.from({ length: 3 }, () => Store.open(postgresDialect(url!, { poolSize: 4 }))));
    try {
      const clock = new TestClock(Date.UTC(2026, 2, 2, 12));
      const [writer, ...feeders] = stores.map((store) => testContext(store, clock));
      const ws = newWorkspaceId();
      await workspaceWith(writer!, ws, [welcome]);
      await feedUntilCaughtUp(feeders[0]!, { workspaceIds: [ws] });
      const people = Array.from({ length: 40 }, (_, i) => `person-${i}`);
      // Four writers, each event its own transaction (ids may commit out of order), while both feeders pass in small batches.
      let writing = true;
      const writes = Promise.all([0, 1, 2, 3].map(async (lane) => {
        for (const userId of people.filter((_, i) => i % 4 === lane)) await ingest(writer!, ws, [{ type: 'track', userId, event: 'Signed Up' }]);
      })).then(() => (writing = false));
      const feeding = feeders.map(async (feeder) => {
        while (writing) await feedJourneys(feeder, { workspaceIds: [ws], batchSize: 3 });
      });
      await Promise.all([writes, ...feeding]);
      await Promise.all(feeders.map((feeder) => feedUntilCaughtUp(feeder, { workspaceIds: [ws], batchSize: 3 })));
      const stats = await stores[0]!.journeys.stats(ws, welcome.id);
      assert.equal(stats.entered, people.length, 'every event started its run, once');
      const effects = await stores[0]!.journeys.effects.list(ws);
      assert.equal(effects.length, people.length);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  test('an event whose write commits after a later one is still delivered', async () => {
    const stores = await Promise.all(Array.from({ length: 2 }, () => Store.open(postgresDialect(url!, { poolSize: 2 }))));
    try {
      const clock = new TestClock(Date.UTC(2026, 2, 2, 12));
      const [slow, feeder] = stores.map((store) => testContext(store, clock));
      const ws = newWorkspaceId();
      await workspaceWith(feeder!, ws, [welcome]);
      await ingest(feeder!, ws, [{ type: 'identify', userId: 'ann' }, { type: 'identify', userId: 'bob' }]);
      const ann = await contactId(feeder!, ws, 'ann');
      await feedUntilCaughtUp(feeder!, { workspaceIds: [ws] });
      // Ann's event takes its id first but commits last.
      let commit!: () => void;
      const held = new Promise<void>((resolve) => (commit = resolve));
      let inserted!: () => void;
      const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
      const slowWrite = slow!.store.db.transaction().execute(async (trx) => {
        await trx.insertInto('events').values({
          workspace_id: ws, message_id: 'slow', type: 'track', name: 'Signed Up', contact_id: ann, user_id: 'ann', anonymous_id: null, group_id: null,
          timestamp: clock.now(), received_at: clock.now(), channel: null, direction: null, category: null, rating: null, sentiment: null, revenue: null,
          properties: '{}', traits: '{}', context: '{}',
        }).execute();
        inserted();
        await held;
      });
      await insertedYet;
      await ingest(feeder!, ws, [{ type: 'track', userId: 'bob', event: 'Signed Up' }]);
      const early = await feedJourneys(feeder!, { workspaceIds: [ws] }).finally(commit);
      await slowWrite;
      assert.deepEqual([early.started, early.caughtUp, early.awaitingWriters], [0, false, true], 'nothing is read past a write under way');
      assert.equal((await feedUntilCaughtUp(feeder!, { workspaceIds: [ws] })).started, 2);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});
