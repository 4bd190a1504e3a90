import { availableParallelism } from 'node:os';
import Database from 'better-sqlite3';
import { SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Kysely } from 'kysely';
import { parseJsonText, type StoreDialect } from '../dialect.js';
import { SqliteDriver } from './sqlite-driver.js';
import { sqliteJson } from './sqlite-json.js';
import { SqliteReaders } from './sqlite-readers.js';

export interface SqliteOptions {
  /**
   * Reader threads for long SELECTs (segment evaluation): one per core, at most 4, by default;
   * 0 runs every statement on the store's own connection. None for an in-memory database.
   */
  readers?: number;
}

/**
 * The embedded store: one SQLite file in WAL mode. `synchronous = FULL` makes every commit
 * durable before the API answers 2xx, even across a power cut; ingestion commits in groups
 * so the fsync is paid once per group, not per message.
 */
export function sqliteDialect(file: string, options: SqliteOptions = {}): StoreDialect {
  const database = new Database(file);
  const inMemory = file === '' || file === ':memory:' || file.startsWith('file::memory:');
  const readerCount = inMemory ? 0 : (options.readers ?? Math.min(4, availableParallelism()));
  const readers = readerCount > 0 ? new SqliteReaders(file, readerCount) : undefined;
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  return {
    name: 'sqlite',
    kysely: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new SqliteDriver(database),
      createIntrospector: (db: Kysely<any>) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
    capabilities: { jsonColumnType: 'text', rowLocks: false, skipLocked: false, maxParameters: 32_766, parallelStatements: readers?.size ?? 1 },
    ...(readers ? { readers } : {}),
    addSerialId: (table) => table.addColumn('id', 'integer', (col) => col.primaryKey()),
    isTransient: (error) => (error as { code?: string }).code === 'SQLITE_BUSY',
    readJson: parseJsonText,
    json: sqliteJson,
    refreshStatisticsSql: () => 'PRAGMA optimize',
    close: async () => {
      await readers?.close();
    },
  };
}
