import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Store } from '../../src/store/store.js';

/** A run's state as the engine stores it, give or take: the size of what each baseline write carries. */
const STATE = JSON.stringify({ status: 'waiting', stepId: 'wait', wakeAt: 1_780_000_000_000, enteredAt: 1_780_000_000_000, visited: ['welcome', 'wait'], arm: null, attempts: 0, data: { event: 'Bench Started' } });
const ROWS = 100_000;

/**
 * The baseline: `n` bare transactional state writes on the same database, with the driver and
 * `concurrency` connections, as many as the workers: BEGIN, one UPDATE of a row's state, COMMIT,
 * with the store's durability (SQLite `synchronous = FULL` in WAL mode; PostgreSQL as configured).
 * Returns the seconds they took.
 */
export async function bareStateWrites(store: Store, n: number, concurrency: number, target: { dataDir: string; databaseUrl?: string }): Promise<number> {
  if (!target.databaseUrl) return sqliteWrites(join(target.dataDir, 'touchpoint.db'), n);
  return postgresWrites(target.databaseUrl, n, concurrency);
}

function sqliteWrites(file: string, n: number): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec('CREATE TABLE bench_state (id TEXT PRIMARY KEY, state TEXT NOT NULL, updated_at INTEGER NOT NULL)');
  const insert = db.prepare('INSERT INTO bench_state (id, state, updated_at) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < ROWS; i++) insert.run(`run-${i}`, STATE, 0);
  })();
  const begin = db.prepare('BEGIN IMMEDIATE');
  const update = db.prepare('UPDATE bench_state SET state = ?, updated_at = ? WHERE id = ?');
  const commit = db.prepare('COMMIT');
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    begin.run();
    update.run(STATE, i, `run-${i % ROWS}`);
    commit.run();
  }
  const seconds = (performance.now() - started) / 1000;
  db.exec('DROP TABLE bench_state');
  db.close();
  return seconds;
}

async function postgresWrites(url: string, n: number, concurrency: number): Promise<number> {
  const clients = await Promise.all(Array.from({ length: concurrency }, async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return client;
  }));
  const [first] = clients;
  await first!.query('CREATE TABLE bench_state (id TEXT PRIMARY KEY, state TEXT NOT NULL, updated_at BIGINT NOT NULL)');
  await first!.query(`INSERT INTO bench_state SELECT 'run-' || i, $1, 0 FROM generate_series(0, ${ROWS - 1}) AS i`, [STATE]);
  let next = 0;
  const started = performance.now();
  await Promise.all(clients.map(async (client) => {
    for (let i = next++; i < n; i = next++) {
      await client.query('BEGIN');
      await client.query('UPDATE bench_state SET state = $1, updated_at = $2 WHERE id = $3', [STATE, i, `run-${i % ROWS}`]);
      await client.query('COMMIT');
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  await first!.query('DROP TABLE bench_state');
  await Promise.all(clients.map((c) => c.end()));
  return seconds;
}

/** Runs statements on the server's administrative database (creating and dropping the benchmark's). */
export async function administer(serverUrl: string, statements: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}
