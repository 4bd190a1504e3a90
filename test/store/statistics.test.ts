import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { StatisticsSchedule } from '../../src/engine/import/statistics-schedule.js';
import type { Store } from '../../src/store/store.js';
import { DATABASES, newWorkspaceId, openTestStore } from '../support/databases.js';
import { messages, newId } from '../support/messages.js';

describe('statistics schedule of a bulk load', () => {
  test('refreshes after chunks 1, 2, 4, 8 and 16 of 20, and once at the end', async () => {
    const refreshedAt: number[] = [];
    let chunk = 0;
    const store = { refreshStatistics: async () => void refreshedAt.push(chunk) } as unknown as Store;
    const schedule = new StatisticsSchedule(store);
    for (chunk = 1; chunk <= 20; chunk++) await schedule.afterChunk();
    chunk = 0;
    await schedule.atEnd();
    assert.deepEqual(refreshedAt, [1, 2, 4, 8, 16, 0]);
  });

  test('a load that wrote nothing refreshes nothing', async () => {
    let refreshes = 0;
    const schedule = new StatisticsSchedule({ refreshStatistics: async () => void refreshes++ } as unknown as Store);
    await schedule.atEnd();
    assert.equal(refreshes, 0);
  });
});

for (const database of DATABASES) {
  describe(`refreshing statistics on ${database.name}`, () => {
    let store: Store;
    before(async () => (store = await openTestStore(database)));
    after(async () => store.close());

    test('leaves the data as it was, and on PostgreSQL the planner knows how many events there are', async () => {
      const ws = newWorkspaceId();
      await store.workspaces.ensure(ws, ws, 0);
      await store.writeMessages(ws, messages(Array.from({ length: 50 }, (_, i) => ({ type: 'track', userId: `u${i % 5}`, event: 'Signed In' }))), newId);
      await store.refreshStatistics();
      assert.equal((await store.timeline.totals(ws)).events, 50);
      if (store.dialect.name === 'sqlite') return;
      const { rows } = await sql<{ reltuples: number }>`SELECT reltuples FROM pg_class WHERE relname = 'events'`.execute(store.db);
      assert.ok(Number(rows[0]!.reltuples) >= 50, `reltuples ${rows[0]!.reltuples}`);
    });
  });
}
