import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { sqliteDialect } from '../../src/store/dialects/sqlite/sqlite-dialect.js';
import { ANSWER_ROWS } from '../../src/store/dialects/sqlite/sqlite-readers.js';
import { Store } from '../../src/store/store.js';
import { newWorkspaceId } from '../support/databases.js';
import { messages, newId } from '../support/messages.js';
import { scratchDir } from '../support/scratch-dir.js';

const databaseFile = () => join(scratchDir('test'), 'touchpoint.db');

describe('reader threads of the embedded database', () => {
  test('read what was committed before the statement, and evaluate segments there', async () => {
    await using store = await Store.open(sqliteDialect(databaseFile(), { readers: 2 }));
    const readers = store.dialect.readers!;
    assert.equal(store.dialect.capabilities.parallelStatements, 2);
    const ws = newWorkspaceId();
    await store.workspaces.ensure(ws, ws, 0);
    const count = () => readers.read<{ n: number }>(sql<{ n: number }>`SELECT count(*) AS n FROM contacts WHERE workspace_id = ${ws}`.compile(store.db));
    assert.deepEqual(await count(), [{ n: 0 }]);
    await store.writeMessages(ws, messages([{ type: 'identify', userId: 'ada', traits: { plan: 'pro' } }, { type: 'identify', userId: 'bob', traits: { plan: 'free' } }]), newId);
    // Several at once, on both threads: each sees the commit.
    assert.deepEqual(await Promise.all([count(), count(), count()]), [[{ n: 2 }], [{ n: 2 }], [{ n: 2 }]]);
    const members = await store.segmentMembers(ws, { id: 'pro', subject: 'contact', condition: { trait: { name: 'plan', op: 'eq', value: 'pro' } } } as never, { now: Date.now() });
    assert.equal(members.length, 1, 'ada, the one pro contact');
  });

  test("run the analytics: metrics and purchases are read there, not on the store's own connection", async () => {
    const dialect = sqliteDialect(databaseFile(), { readers: 1 });
    const readers = dialect.readers!;
    const read = readers.read.bind(readers);
    const seen: string[] = [];
    (readers as { read: typeof read }).read = (query) => {
      seen.push(query.sql);
      return read(query);
    };
    await using store = await Store.open(dialect);
    const ws = newWorkspaceId();
    await store.workspaces.ensure(ws, ws, 0);
    await store.writeMessages(ws, messages([{ type: 'track', userId: 'ada', event: 'Order Completed', properties: { revenue: 40 }, timestamp: new Date(1_000).toISOString() }]), newId);
    const before = seen.length;
    assert.deepEqual(await store.metrics.retention(ws, [0, 86_400_000], { cohortEvent: 'Order Completed', audience: {} }), await store.metrics.retention(ws, [0, 86_400_000], { cohortEvent: 'Order Completed', audience: {} }));
    assert.equal((await store.purchases.all(ws, 'Order Completed', 86_400_000)).length, 1);
    assert.ok(seen.length >= before + 3, `the reads went to the reader threads (${seen.length - before})`);
    assert.ok(seen.slice(before).every((s) => /^\s*(select|with)\b/i.test(s)));
  });

  test('answer in parts when there are many rows, whole and in order, several answers at once', async () => {
    await using store = await Store.open(sqliteDialect(databaseFile(), { readers: 1 }));
    const readers = store.dialect.readers!;
    const numbers = (n: number) => readers.read<{ n: number }>(sql<{ n: number }>`WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${n}) SELECT n FROM s`.compile(store.db));
    const sizes = [ANSWER_ROWS * 2 + 1, ANSWER_ROWS, 3, ANSWER_ROWS + 1];
    const answers = await Promise.all(sizes.map(numbers));
    for (const [i, rows] of answers.entries()) assert.deepEqual(rows.map((r) => r.n), Array.from({ length: sizes[i]! }, (_, k) => k + 1));
  });

  test('pass SQLite errors on with their code, and refuse writes', async () => {
    await using store = await Store.open(sqliteDialect(databaseFile(), { readers: 1 }));
    const readers = store.dialect.readers!;
    await assert.rejects(readers.read(sql`SELECT x FROM nowhere`.compile(store.db)), (error: Error & { code?: string }) => error.code === 'SQLITE_ERROR' && /no such table: nowhere/.test(error.message));
    await assert.rejects(readers.read(sql`DELETE FROM contacts`.compile(store.db)), /only statements that return rows/);
    // The thread is still there for the next read.
    assert.deepEqual(await readers.read(sql`SELECT 1 AS one`.compile(store.db)), [{ one: 1 }]);
  });

  test('none for an in-memory database or when turned off', async () => {
    await using inMemory = await Store.open(sqliteDialect(':memory:'));
    assert.equal(inMemory.dialect.readers, undefined);
    assert.equal(inMemory.dialect.capabilities.parallelStatements, 1);
    await using off = await Store.open(sqliteDialect(databaseFile(), { readers: 0 }));
    assert.equal(off.dialect.readers, undefined);
  });

  test('refuse reads once the store is closed', async () => {
    const store = await Store.open(sqliteDialect(databaseFile()));
    const readers = store.dialect.readers!;
    await readers.read(sql`SELECT 1`.compile(store.db));
    await store.close();
    await assert.rejects(readers.read(sql`SELECT 1`.compile(store.db)), /closed/);
  });
});
