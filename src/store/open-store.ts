import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreDialect } from './dialects/dialect.js';
import { postgresDialect } from './dialects/postgres/postgres-dialect.js';
import { sqliteDialect } from './dialects/sqlite/sqlite-dialect.js';
import { Store } from './store.js';

export interface StoreLocation {
  /** Directory of the embedded database, used when no `databaseUrl` is given. */
  dataDir: string;
  /** `postgres://...` for PostgreSQL; `pglite:DIR` (or `pglite:`, in memory) for in-process PostgreSQL. */
  databaseUrl?: string;
}

/** Chooses the database from the configuration, opens it and migrates it. */
export async function openStore(location: StoreLocation, options: { migrate?: boolean } = {}): Promise<Store> {
  return Store.open(await dialectFor(location), options);
}

export async function dialectFor(location: StoreLocation): Promise<StoreDialect> {
  const url = location.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) return postgresDialect(url);
  if (url?.startsWith('pglite:')) {
    // PGlite is a development dependency: loaded only when asked for.
    const { pgliteDialect } = await import('./dialects/pglite/pglite-dialect.js');
    return pgliteDialect(url.slice('pglite:'.length) || undefined);
  }
  if (url) throw new Error(`unsupported database URL ${url.replace(/\/\/[^@]*@/, '//***@')}: use postgres://...`);
  mkdirSync(location.dataDir, { recursive: true });
  return sqliteDialect(join(location.dataDir, 'touchpoint.db'));
}
