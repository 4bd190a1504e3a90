import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { escalateAccounts } from '../../src/engine/models/escalate-accounts.js';
import { assignModels } from '../../src/engine/models/assign-models.js';
import { refreshSegments } from '../../src/engine/segments/refresh-segments.js';
import { postgresDialect } from '../../src/store/dialects/postgres/postgres-dialect.js';
import { Store } from '../../src/store/store.js';
import { TestClock, testContext } from '../support/context.js';
import { newWorkspaceId } from '../support/databases.js';
import { messages, newId } from '../support/messages.js';

const url = process.env['TOUCHPOINT_TEST_DATABASE_URL'];
const DAY = 86_400_000;

// Several Touchpoint processes over one PostgreSQL each run escalation after their refreshes.
describe('escalation by several processes over one PostgreSQL', { skip: url ? false : 'needs TOUCHPOINT_TEST_DATABASE_URL' }, () => {
  test('processes reacting to the same signal at once move the account once and create its tasks once', async () => {
    const stores = await Promise.all(Array.from({ length: 3 }, () => Store.open(postgresDialect(url!, { poolSize: 2 }))));
    try {
      const clock = new TestClock(Date.UTC(2026, 2, 2, 12));
      const contexts = stores.map((store) => testContext(store, clock));
      const context = contexts[0]!;
      const ws = newWorkspaceId();
      await stores[0]!.workspaces.ensure(ws, ws, 0);
      const at = (daysAgo: number, i: number) => new Date(clock.now() - daysAgo * DAY + i * 60_000).toISOString();
      await stores[0]!.writeMessages(ws, messages([
        { type: 'group', userId: 'ola', groupId: 'acme', traits: { name: 'Acme', mrr: 500 } },
        ...Array.from({ length: 20 }, (_, i) => ({ type: 'track', userId: 'ola', event: 'Feature Used', context: { groupId: 'acme' }, timestamp: at(10, i) })),
      ], clock.now()), newId);
      await refreshSegments(context, ws);
      await assignModels(context, ws, 'test');
      await stores[0]!.writeMessages(ws, messages([{ type: 'track', userId: 'ola', event: 'Feature Used', context: { groupId: 'acme' }, timestamp: at(1, 0) }], clock.now()), newId);
      await refreshSegments(context, ws);

      const results = await Promise.all(contexts.map((c) => escalateAccounts(c, ws)));
      assert.equal(results.reduce((n, r) => n + r.escalated, 0), 1);
      const history = await stores[0]!.accountModels.history(ws, 'acme');
      assert.deepEqual(history.map((h) => h.toModel), ['high-touch', 'low-touch']);
      const tasks = await stores[0]!.tasks.list(ws, { groupId: 'acme', limit: 50 }, clock.now());
      assert.equal(tasks.filter((t) => t.type === 'escalation').length, 1);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});
