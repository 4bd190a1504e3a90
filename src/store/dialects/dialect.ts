import type { ColumnDefinitionBuilder, CompiledQuery, CreateTableBuilder, Dialect, Expression, RawBuilder, SqlBool } from 'kysely';

/**
 * Everything that differs between the databases the Store runs on, in one place.
 * Queries never ask which database they run on; they ask for a capability.
 */
export interface StoreDialect {
  /** For logs and test names. */
  readonly name: 'sqlite' | 'postgres' | 'pglite';
  readonly kysely: Dialect;
  readonly capabilities: Capabilities;
  /** Adds the table's auto-numbered primary key column `id`. */
  addSerialId<T extends string, C extends string>(table: CreateTableBuilder<T, C>): CreateTableBuilder<T, C | 'id'>;
  /** Whether a failed transaction may simply be run again (deadlock, serialisation, busy). */
  isTransient(error: unknown): boolean;
  /** Turns a JSON column value as the driver returns it into an object. */
  readJson(value: unknown): Record<string, unknown>;
  /** Reads a value inside a JSON column in SQL; the segment compiler builds on it. */
  readonly json: JsonSql;
  /**
   * The statement that brings the query planner's statistics of these tables up to date:
   * `ANALYZE` on PostgreSQL, whose planner picks a scan of every row for a table it has never
   * analyzed; `PRAGMA optimize` on SQLite, which analyzes only what needs it.
   */
  refreshStatisticsSql(tables: readonly string[]): string;
  /**
   * Connections beside the store's own that run long SELECTs off the event loop, several at a
   * time: reader threads on the embedded database. Absent where the driver is asynchronous
   * already and pooled (PostgreSQL) or there is one connection only (PGlite, in-memory SQLite).
   */
  readonly readers?: StoreReaders;
  /** Called after Kysely is destroyed, for resources the dialect owns beyond the driver. */
  close?(): Promise<void>;
}

/** See `StoreDialect.readers`. They see what was committed when a statement starts, not a transaction's own writes. */
export interface StoreReaders {
  /** How many statements run at once. */
  readonly size: number;
  /** The rows of a SELECT, run on one of the reader connections. */
  read<R>(query: CompiledQuery): Promise<R[]>;
}

export interface Capabilities {
  /** Column type for JSON documents: `text` on SQLite, `jsonb` on PostgreSQL. */
  readonly jsonColumnType: 'text' | 'jsonb';
  /** `SELECT ... FOR UPDATE` exists and is needed: several processes may write at once. */
  readonly rowLocks: boolean;
  /** `FOR UPDATE SKIP LOCKED`, for sharing due work between worker processes. */
  readonly skipLocked: boolean;
  /** Most bind parameters one statement may carry. */
  readonly maxParameters: number;
  /**
   * How many independent statements one process may usefully run at once: 1 where the store
   * has a single connection (PGlite, in-memory SQLite), the reader threads of the embedded
   * database, a share of the pool on PostgreSQL.
   */
  readonly parallelStatements: number;
}

/**
 * SQL that reads one JSON value. Each part may be NULL; `text` is meaningful only when `type`
 * is 'string' and `number` only when it is 'number', so callers read them inside a CASE or
 * behind a type test (PostgreSQL would fail casting a string to a number).
 */
export interface JsonValueSql {
  /** 'string', 'number', 'true', 'false', 'array', 'object' or 'null'; NULL when absent. */
  readonly type: RawBuilder<string | null>;
  readonly text: RawBuilder<string | null>;
  readonly number: RawBuilder<number | null>;
}

/** How a database reads JSON documents and compares text, for queries that filter on JSON. */
export interface JsonSql {
  /** The value at `path` (keys, each stepping into an object) of a JSON column. */
  at(document: Expression<unknown>, path: readonly string[]): JsonValueSql;
  /**
   * A FROM item with one row per element of the array at `path` (no rows when the value is
   * not an array), named `alias`, and each element as a value.
   */
  elements(document: Expression<unknown>, path: readonly string[], alias: string): { from: RawBuilder<unknown>; element: JsonValueSql };
  /** Whether text has the plain decimal form `-?digits(.digits)?`. */
  isDecimalText(text: Expression<string | null>): RawBuilder<SqlBool>;
  /** Text in that decimal form as a double. */
  textToNumber(text: Expression<string | null>): RawBuilder<number | null>;
  /** Whether `needle` occurs in `haystack`, case-sensitively (`''` occurs in every text). */
  textContains(haystack: Expression<string | null>, needle: Expression<string>): RawBuilder<SqlBool>;
}

/** Shared by the column definitions of every dialect. */
export type ColumnBuilder = (col: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

export function parseJsonText(value: unknown): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  if (typeof value === 'string') return value === '' ? {} : (JSON.parse(value) as Record<string, unknown>);
  return value as Record<string, unknown>;
}

/** Deadlock (40P01) and serialisation failure (40001): PostgreSQL asks for the transaction to be retried. */
export function isTransientPostgresError(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '40P01' || code === '40001';
}
