import { CompiledQuery, type DatabaseConnection, type Dialect, type Driver, type QueryResult } from 'kysely';
import type { StoreReaders } from './dialect.js';

/**
 * A Kysely dialect whose statements run on the store's reader connections (SQLite's reader
 * threads) instead of its own: for the long SELECTs of analytics, which on the store's
 * synchronous connection would hold the event loop — and with it ingestion and the API — for
 * as long as they run. Same SQL, same compiler, same adapter as `base`; only SELECTs, and no
 * transactions (a reader sees what was committed when its statement began).
 */
export function readersDialect(base: Dialect, readers: StoreReaders): Dialect {
  return {
    createAdapter: () => base.createAdapter(),
    createIntrospector: (db) => base.createIntrospector(db),
    createQueryCompiler: () => base.createQueryCompiler(),
    createDriver: () => new ReadersDriver(readers),
  };
}

class ReadersDriver implements Driver {
  readonly #connection: DatabaseConnection;

  constructor(readers: StoreReaders) {
    this.#connection = {
      async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
        return { rows: await readers.read<R>(compiled) };
      },
      streamQuery(): AsyncIterableIterator<never> {
        throw new Error('reader connections do not stream');
      },
    };
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return this.#connection;
  }

  async beginTransaction(): Promise<void> {
    throw new Error('reader connections run single SELECTs, not transactions');
  }

  async commitTransaction(): Promise<void> {}

  async rollbackTransaction(): Promise<void> {}

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {}
}
