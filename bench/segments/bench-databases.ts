import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

export type DatabaseName = 'sqlite' | 'postgres';

/** The database the benchmark creates on the PostgreSQL server, and drops at the end of its run. */
const BENCH_DATABASE = 'touchpoint_bench';

/**
 * A fresh, empty Touchpoint store for one database, and a connection of the driver's own
 * beside it: the baseline's queries and the latency probe's reads run there, outside
 * Touchpoint's store. Disposing closes both and removes the data (file or database).
 */
export interface BenchDatabase extends AsyncDisposable {
  readonly name: DatabaseName;
  readonly store: Store;
  /** Runs one statement with the driver itself; rows as the driver returns them. */
  query(sql: string, parameters: readonly unknown[]): Promise<Record<string, unknown>[]>;
}

/** A new SQLite file in a temporary directory, with a second (read) connection for the baseline. */
export async function openSqlite(): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-bench-segments-'));
  const store = await openStore({ dataDir: dir });
  const reader = new Database(join(dir, 'touchpoint.db'), { readonly: true });
  reader.pragma('busy_timeout = 5000');
  return {
    name: 'sqlite',
    store,
    query: async (sql, parameters) => reader.prepare(sql).all(...parameters) as Record<string, unknown>[],
    async [Symbol.asyncDispose]() {
      reader.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A new database on the PostgreSQL server that `serverUrl` reaches (its own database is used only
 * to create and drop the benchmark's), with a `pg` client of its own for the baseline.
 */
export async function openPostgres(serverUrl: string): Promise<BenchDatabase> {
  await administer(serverUrl, [`drop database if exists ${BENCH_DATABASE} with (force)`, `create database ${BENCH_DATABASE}`]);
  const url = new URL(serverUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  const store = await openStore({ dataDir: '', databaseUrl: url.toString() });
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return {
    name: 'postgres',
    store,
    query: async (sql, parameters) => (await client.query(sql, [...parameters])).rows as Record<string, unknown>[],
    async [Symbol.asyncDispose]() {
      await client.end();
      await store.close();
      await administer(serverUrl, [`drop database if exists ${BENCH_DATABASE}`]);
    },
  };
}

async function administer(serverUrl: string, statements: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}
