import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { sqliteDialect } from '../../src/store/dialects/sqlite/sqlite-dialect.js';
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
