import pg from 'pg';
import { PostgresDialect } from 'kysely';
import { isTransientPostgresError, parseJsonText, type StoreDialect } from '../dialect.js';
import { postgresJson } from './postgres-json.js';

// pg returns BIGINT and NUMERIC as strings to avoid precision loss; Touchpoint stores epoch
// milliseconds and counts, which fit a double exactly, so they are read as numbers.
const INT8 = 20;
const NUMERIC = 1700;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  }) as typeof pg.types.getTypeParser,
};

/** The production store: a PostgreSQL server, shared by any number of Touchpoint processes. */
export function postgresDialect(connectionString: string, options: { poolSize?: number } = {}): StoreDialect {
  const poolSize = options.poolSize ?? 10;
  // JIT compilation is off: segment queries over a few hundred subjects are estimated above
  // its threshold and then spend more time compiling than it saves (at 400 subjects they took
  // 30-45% less time without it).
  const pool = new pg.Pool({ connectionString, max: poolSize, types, options: '-c jit=off' });
  return {
    name: 'postgres',
    kysely: new PostgresDialect({ pool }),
    capabilities: { jsonColumnType: 'jsonb', rowLocks: true, skipLocked: true, maxParameters: 65_535, parallelStatements: Math.max(1, Math.floor(poolSize / 2)) },
    addSerialId: (table) => table.addColumn('id', 'bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity()),
    isTransient: isTransientPostgresError,
    readJson: parseJsonText,
    json: postgresJson,
    refreshStatisticsSql: (tables) => `ANALYZE ${tables.join(', ')}`,
  };
}
