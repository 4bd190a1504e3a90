import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { JourneyWorker } from '../../../src/engine/journeys/journey-worker.js';
import { startJourneyRun } from '../../../src/engine/journeys/start-journey-run.js';
import { postgresDialect } from '../../../src/store/dialects/postgres/postgres-dialect.js';
import { sqliteDialect } from '../../../src/store/dialects/sqlite/sqlite-dialect.js';
import { Store } from '../../../src/store/store.js';
import { TestClock, testContext } from '../../support/context.js';
import { newWorkspaceId } from '../../support/databases.js';
import { countingPerformers, DAY, followUp, lookup, ownedAccount } from './journey-fixtures.js';
import { scratchDir } from '../../support/scratch-dir.js';

const url = process.env['TOUCHPOINT_TEST_DATABASE_URL'];

// Several `touchpoint worker` processes over one PostgreSQL: modelled by stores with their own pools.
describe('journey workers in several processes over one PostgreSQL server', { skip: url ? false : 'needs TOUCHPOINT_TEST_DATABASE_URL' }, () => {
  test('four workers racing over the same due runs perform each effect exactly once', async () => {
    const stores = await Promise.all(Array.from({ length: 4 }, () => Store.open(postgresDialect(url!, { poolSize: 3 }))));
    try {
      const clock = new TestClock(Date.UTC(2026, 2, 2, 12));
      const contexts = stores.map((store) => testContext(store, clock));
      const ws = newWorkspaceId();
      const accounts = Array.from({ length: 40 }, (_, i) => `acct-${i}`);
      for (const id of accounts) await ownedAccount(contexts[0]!, ws, id);
      for (const id of accounts) await startJourneyRun(contexts[0]!, ws, followUp, { kind: 'account', id });
      const calls = new Map<string, number>();
      const workers = contexts.map((context) => new JourneyWorker(context, { journeys: lookup(followUp), performers: countingPerformers(context, calls).performers, workspaceIds: [ws], batchSize: 4 }));
      for (const days of [1, 2]) {
        clock.advance(days * DAY);
        const passes = await Promise.all(workers.flatMap((w) => [w.runOnce(), w.runOnce()]));
        assert.equal(passes.reduce((n, p) => n + p.advanced, 0), accounts.length, 'each run advanced by one worker');
        assert.equal(passes.reduce((n, p) => n + p.errors, 0), 0);
      }
      assert.equal(calls.size, 2 * accounts.length);
      assert.ok([...calls.values()].every((n) => n === 1), JSON.stringify([...calls].filter(([, n]) => n !== 1)));
      assert.equal((await stores[0]!.tasks.list(ws, { limit: 200 }, clock.now())).length, 2 * accounts.length);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  test('the same subject started by several processes at once enters the journey once', async () => {
    const stores = await Promise.all(Array.from({ length: 4 }, () => Store.open(postgresDialect(url!, { poolSize: 2 }))));
    try {
      const clock = new TestClock(Date.UTC(2026, 2, 2, 12));
      const contexts = stores.map((store) => testContext(store, clock));
      const ws = newWorkspaceId();
      await ownedAccount(contexts[0]!, ws, 'acme');
      const results = await Promise.all(contexts.flatMap((c) => [startJourneyRun(c, ws, followUp, { kind: 'account', id: 'acme' }), startJourneyRun(c, ws, followUp, { kind: 'account', id: 'acme' })]));
      assert.equal(results.filter((r) => r.started).length, 1);
      assert.equal((await stores[0]!.journeys.stats(ws, followUp.id)).entered, 1);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});

describe('a journey worker restarted over the same SQLite file', () => {
  test('after the process stopped mid-work, everything that came due meanwhile is performed once, late but not lost', async () => {
    const file = join(scratchDir('test'), 'touchpoint.db');
    const clock = new TestClock(Date.UTC(2026, 2, 2, 12));
    const ws = newWorkspaceId();
    const calls = new Map<string, number>();
    {
      await using store = await Store.open(sqliteDialect(file));
      const context = testContext(store, clock);
      await ownedAccount(context, ws, 'acme');
      await startJourneyRun(context, ws, followUp, { kind: 'account', id: 'acme' });
      clock.advance(DAY);
      // The worker claims the due run and effects, then the process dies: nothing is recorded.
      await store.journeys.runs.claimDue({ now: clock.now(), limit: 10, leaseMs: 60_000 });
    }
    clock.advance(5 * DAY);
    await using store = await Store.open(sqliteDialect(file));
    const context = testContext(store, clock);
    await using worker = new JourneyWorker(context, { journeys: lookup(followUp), performers: countingPerformers(context, calls).performers, workspaceIds: [ws] });
    assert.equal((await worker.runOnce()).performed, 1);
    clock.advance(2 * DAY);
    assert.equal((await worker.runOnce()).performed, 1);
    assert.deepEqual([...calls.values()], [1, 1]);
    assert.equal((await store.tasks.list(ws, { limit: 10 }, clock.now())).length, 2);
  });
});
