import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DAY_MS } from '../../src/core/activity.js';
import type { DatabaseName } from './bench-databases.js';

/**
 * Where loaded benchmark data is kept between runs: loading the demo at the size takes
 * ten to thirty minutes, measuring it a few. A cached load is found by a key of everything that
 * decides its content: scale, activity, people, seed, the day the demo ends, and the code that generates, validates
 * and stores it (the demo generator, ingestion, the migrations). Delete the directory to start over.
 */
export const CACHE_DIR = join(tmpdir(), 'touchpoint-bench-cache');

/** Code whose change makes a cached load stale, as compiled next to this file. */
const CONTENT_CODE = ['../../src/core/demo', '../../src/store/ingest', '../../src/store/migrations', '../../src/core/segment-messages.js', '../../src/core/interactions.js', '../../src/core/identity.js'];

export interface CacheKey {
  database: DatabaseName;
  scale: number;
  /** The demo's multipliers of product use and of people per account (1 as shipped). */
  activity: number;
  people: number;
  seed: number;
  /** When the demo ends, epoch milliseconds. */
  end: number;
}

/** A short name for the cached load: safe in a file name and a PostgreSQL database name. */
export function cacheKey(key: CacheKey): string {
  const hash = createHash('sha256').update(JSON.stringify(key));
  for (const path of CONTENT_CODE.flatMap((p) => codeFiles(fileURLToPath(new URL(p, import.meta.url))))) hash.update(path).update(readFileSync(path));
  return `${key.database}_s${String(key.scale).replace('.', '_')}_${hash.digest('hex').slice(0, 12)}`;
}

/** What was recorded beside a cached load, or undefined when there is none. */
export function readCacheRecord<T>(name: string): T | undefined {
  const file = join(CACHE_DIR, `${name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

export function writeCacheRecord(name: string, record: unknown): void {
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(join(CACHE_DIR, `${name}.json`), JSON.stringify(record));
}

/**
 * Forgets the other cached loads of the same database and scale (older code or an earlier
 * day): removes their records and files, and returns their names so the caller can drop what
 * else it keeps for them.
 */
export function removeStaleCaches(name: string): string[] {
  const prefix = name.slice(0, name.lastIndexOf('_') + 1);
  if (!existsSync(CACHE_DIR)) return [];
  const stale = [...new Set(readdirSync(CACHE_DIR).filter((f) => f.startsWith(prefix)).map((f) => f.replace(/\.(json|db)$/, '')))].filter((n) => n !== name);
  for (const old of stale) for (const ext of ['.json', '.db']) rmSync(join(CACHE_DIR, old + ext), { force: true });
  return stale;
}

/** The demo of a cached load ends at the start of today (UTC), so a day's runs share one load. */
export function startOfDay(now: number): number {
  return now - (now % DAY_MS);
}

function codeFiles(path: string): string[] {
  if (path.endsWith('.js')) return [path];
  return readdirSync(path).filter((f) => f.endsWith('.js')).sort().map((f) => join(path, f));
}
