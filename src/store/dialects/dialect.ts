import type { ColumnDefinitionBuilder, CreateTableBuilder, Dialect } from 'kysely';

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
  /** Called after Kysely is destroyed, for resources the dialect owns beyond the driver. */
  close?(): Promise<void>;
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
