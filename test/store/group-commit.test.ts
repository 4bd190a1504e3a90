import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Transaction } from 'kysely';
import type { Database } from '../../src/store/database.js';
import { GroupCommit } from '../../src/store/group-commit.js';
import type { Store } from '../../src/store/store.js';
import { DATABASES, newWorkspaceId, openTestStore } from '../support/databases.js';

for (const database of DATABASES) {
  describe(`group commit on ${database.name}`, () => {
    let store: Store;
    before(async () => (store = await openTestStore(database)));
    after(async () => store.close());

    const names = async (ids: string[]) =>
      (await store.db.selectFrom('workspaces').select('id').where('id', 'in', ids).orderBy('id').execute()).map((r) => r.id);

    test('writes submitted side by side commit together, and each caller hears when its own is stored', async () => {
      const group = new GroupCommit(store.db);
      const ids = Array.from({ length: 10 }, () => newWorkspaceId()).sort();
      const transactions = new Set<Transaction<Database>>();
      const results = await Promise.all(
        ids.map((id, i) =>
          group.run(async (trx) => {
            transactions.add(trx);
            await trx.insertInto('workspaces').values({ id, name: id, created_at: 0 }).execute();
            return i;
          }),
        ),
      );
      assert.deepEqual(results, ids.map((_, i) => i));
      assert.equal(transactions.size, 1, 'one transaction for the ten');
      assert.deepEqual(await names(ids), ids);
    });

    test('a write that fails fails only its caller; the others of its group are stored', async () => {
      const group = new GroupCommit(store.db);
      const [taken, first, second] = [newWorkspaceId(), newWorkspaceId(), newWorkspaceId()];
      await store.workspaces.ensure(taken, taken, 0);
      const insert = (id: string) => group.run((trx) => trx.insertInto('workspaces').values({ id, name: id, created_at: 0 }).execute());
      const outcomes = await Promise.allSettled([insert(first), insert(taken), insert(second)]);
      assert.deepEqual(outcomes.map((o) => o.status), ['fulfilled', 'rejected', 'fulfilled']);
      assert.deepEqual(await names([first, second]), [first, second].sort());
    });

    test('a write submitted while a group commits goes into the next group', async () => {
      const group = new GroupCommit(store.db);
      const seen: Transaction<Database>[] = [];
      let later: Promise<void> | undefined;
      await group.run(async (trx) => {
        seen.push(trx);
        later = group.run(async (next) => void seen.push(next));
      });
      await later;
      assert.equal(seen.length, 2);
      assert.notEqual(seen[0], seen[1]);
    });
  });
}
