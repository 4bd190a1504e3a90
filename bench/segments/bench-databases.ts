import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { CACHE_DIR, readCacheRecord, removeStaleCaches, writeCacheRecord } from './bench-cache.js';
import type { LoadedData } from './bench-data.js';

export type DatabaseName = 'sqlite' | 'postgres';

/** The database the benchmark creates on the PostgreSQL server, and drops at the end of its run. */
const BENCH_DATABASE = 'touchpoint_bench';

/**
 * A Touchpoint store for one database with the benchmark's data loaded, and a connection of the
 * driver's own beside it: the baseline's queries and the latency probe's reads run there,
 * outside Touchpoint's store. Disposing closes both and removes the data (file or database);
 * a cached copy of the load stays for the next run.
 */
export interface BenchDatabase extends AsyncDisposable {
  readonly name: DatabaseName;
  readonly store: Store;
  /** What was loaded, and how long loading took when it was done (not in this run, when cached). */
  readonly data: LoadedData & { cached: boolean };
  /** Runs one statement with the driver itself; rows as the driver returns them. */
  query(sql: string, parameters: readonly unknown[]): Promise<Record<string, unknown>[]>;
}

/** Fills an empty store with the benchmark's data. */
export type Loader = (store: Store) => Promise<LoadedData>;

/**
 * A new SQLite file in a temporary directory, with a second (read) connection for the baseline:
 * a copy of the cached load named `cacheName` when there is one, else loaded and then cached.
 */
export async function openSqlite(load: Loader, cacheName?: string): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-bench-segments-'));
  const file = join(dir, 'touchpoint.db');
  const cacheFile = cacheName && join(CACHE_DIR, `${cacheName}.db`);
  const record = cacheFile && existsSync(cacheFile) ? readCacheRecord<LoadedData>(cacheName) : undefined;
  if (record && cacheFile) copyFileSync(cacheFile, file);
  let store = await openStore({ dataDir: dir });
  const data = record ? { ...record, cached: true } : { ...(await load(store)), cached: false };
  if (cacheFile && !record) {
    // One self-contained file: the write-ahead log folded in before the copy.
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(store.db);
    await store.close();
    removeStaleCaches(cacheName);
    mkdirSync(CACHE_DIR, { recursive: true });
    copyFileSync(file, cacheFile);
    writeCacheRecord(cacheName, data);
    store = await openStore({ dataDir: dir });
  }
  const reader = new Database(file, { readonly: true });
  reader.pragma('busy_timeout = 5000');
  return {
    name: 'sqlite',
    store,
    data,
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
 * to create and drop the benchmark's), with a `pg` client of its own for the baseline: a copy of
 * the cached load named `cacheName` (a database used as a template) when there is one, else
 * loaded and then cached.
 */
export async function openPostgres(serverUrl: string, load: Loader, cacheName?: string): Promise<BenchDatabase> {
  const cacheDatabase = cacheName && `touchpoint_bench_cache_${cacheName}`;
  const record = cacheDatabase && (await databaseExists(serverUrl, cacheDatabase)) ? readCacheRecord<LoadedData>(cacheName) : undefined;
  await administer(serverUrl, [`drop database if exists ${BENCH_DATABASE} with (force)`, `create database ${BENCH_DATABASE}${record ? ` template ${cacheDatabase}` : ''}`]);
  const url = new URL(serverUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  let store = await openStore({ dataDir: '', databaseUrl: url.toString() });
  const data = record ? { ...record, cached: true } : { ...(await load(store)), cached: false };
  if (cacheDatabase && !record) {
    // A template may have no connections while it is copied.
    await store.close();
    const stale = removeStaleCaches(cacheName).map((old) => `drop database if exists touchpoint_bench_cache_${old}`);
    await administer(serverUrl, [...stale, `drop database if exists ${cacheDatabase}`, `create database ${cacheDatabase} template ${BENCH_DATABASE}`]);
    writeCacheRecord(cacheName, data);
    store = await openStore({ dataDir: '', databaseUrl: url.toString() });
  }
  // The session settings of Touchpoint's own pool (postgres-dialect.ts), so the same queries plan alike.
  const client = new pg.Client({ connectionString: url.toString(), options: '-c jit=off' });
  await client.connect();
  return {
    name: 'postgres',
    store,
    data,
    query: async (sql, parameters) => (await client.query(sql, [...parameters])).rows as Record<string, unknown>[],
    async [Symbol.asyncDispose]() {
      await client.end();
      await store.close();
      await administer(serverUrl, [`drop database if exists ${BENCH_DATABASE}`]);
    },
  };
}

async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  return onServer(serverUrl, async (client) => (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1);
}

async function administer(serverUrl: string, statements: readonly string[]): Promise<void> {
  await onServer(serverUrl, async (client) => {
    for (const statement of statements) await client.query(statement);
  });
}

/** Runs `work` on a connection of its own to the server's administrative database. */
async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
