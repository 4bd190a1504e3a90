import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { StoreDialect } from '../../src/store/dialects/dialect.js';
import { pgliteDialect } from '../../src/store/dialects/pglite/pglite-dialect.js';
import { postgresDialect } from '../../src/store/dialects/postgres/postgres-dialect.js';
import { sqliteDialect } from '../../src/store/dialects/sqlite/sqlite-dialect.js';
import { Store } from '../../src/store/store.js';
import { scratchDir } from './scratch-dir.js';

export interface TestDatabase {
  name: string;
  dialect(): StoreDialect;
}

/**
 * Every database the store/engine/API suites run on: SQLite and PGlite always, a real
 * PostgreSQL server when TOUCHPOINT_TEST_DATABASE_URL is set (CI sets it). Tests never
 * truncate: each makes its own workspace, so they can share a server and run in parallel.
 */
export const DATABASES: TestDatabase[] = [
  { name: 'sqlite', dialect: () => sqliteDialect(join(scratchDir('test'), 'touchpoint.db')) },
  { name: 'pglite', dialect: () => pgliteDialect() },
  ...(process.env['TOUCHPOINT_TEST_DATABASE_URL']
    ? [{ name: 'postgres', dialect: () => postgresDialect(process.env['TOUCHPOINT_TEST_DATABASE_URL']!, { poolSize: 4 }) }]
    : []),
];

export async function openTestStore(database: TestDatabase): Promise<Store> {
  return Store.open(database.dialect());
}

/** A fresh workspace id, unique across test runs sharing one PostgreSQL server. */
export function newWorkspaceId(): string {
  return `ws-${randomUUID()}`;
}
