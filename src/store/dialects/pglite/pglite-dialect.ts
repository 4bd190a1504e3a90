import { PGlite } from '@electric-sql/pglite';
import { PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type Kysely } from 'kysely';
import { isTransientPostgresError, parseJsonText, type StoreDialect } from '../dialect.js';
import { PgliteDriver } from './pglite-driver.js';
import { postgresJson } from '../postgres/postgres-json.js';

const INT8 = 20;
const NUMERIC = 1700;

/**
 * PostgreSQL compiled to WebAssembly, in-process: runs the PostgreSQL dialect of every test
 * suite on a machine without a server. Not a production store (no fsync, blocks the event loop).
 */
export function pgliteDialect(dataDir?: string): StoreDialect {
  const database = new PGlite({
    dataDir,
    parsers: { [INT8]: (v: string) => Number(v), [NUMERIC]: (v: string) => Number(v) },
  });
  return {
    name: 'pglite',
    kysely: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new PgliteDriver(database),
      createIntrospector: (db: Kysely<any>) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    capabilities: { jsonColumnType: 'jsonb', rowLocks: true, skipLocked: true, maxParameters: 65_535, parallelStatements: 1 },
    addSerialId: (table) => table.addColumn('id', 'bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity()),
    isTransient: isTransientPostgresError,
    readJson: parseJsonText,
    json: postgresJson,
    refreshStatisticsSql: (tables) => `ANALYZE ${tables.join(', ')}`,
  };
}
