import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { openStore } from '../../src/store/open-store.js';
import type { Target } from './load.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The built CLI, next to this file's built copy (dist/bench/ingest -> dist/src/cli). */
const CLI = resolve(here, '../../src/cli/main.js');
const run = promisify(execFile);

/** A database directory of its own for one measurement, removed by `dispose`. */
export class DataDir implements Disposable {
  readonly path = mkdtempSync(join(tmpdir(), 'touchpoint-bench-'));
  readonly databaseFile = join(this.path, 'touchpoint.db');

  /** Events stored, read from the database file once the writer is gone. */
  countEvents(): number {
    const db = new Database(this.databaseFile, { readonly: true });
    try {
      return (db.prepare('select count(*) as n from events').get() as { n: number }).n;
    } finally {
      db.close();
    }
  }

  [Symbol.dispose](): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

export interface RunningServer {
  target(path: string): Target;
  stop(): Promise<void>;
}

/** `touchpoint serve` on a free port, with the default workspace's write key. */
export async function startTouchpoint(dir: DataDir): Promise<RunningServer> {
  const { stdout } = await run(process.execPath, [CLI, '--data', dir.path, 'keys', '--json']);
  const { writeKey } = JSON.parse(stdout) as { writeKey: string };
  const child = spawn(process.execPath, [CLI, '--data', dir.path, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = (await firstLine(child)).match(/running at (\S+)/)?.[1];
  if (!url) throw new Error('touchpoint serve did not print its address');
  const authorization = `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`;
  return { target: (path) => ({ url: url + path, headers: { authorization } }), stop: () => stop(child) };
}

/** The bare `node:http` baseline, over a database whose schema Touchpoint's migrations made. */
export async function startBaseline(dir: DataDir): Promise<RunningServer> {
  await createSchema(dir);
  const child = spawn(process.execPath, [join(here, 'baseline-server.js'), dir.databaseFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = (await firstLine(child)).match(/listening (\d+)/)?.[1];
  if (!port) throw new Error('the baseline server did not print its port');
  return { target: (path) => ({ url: `http://127.0.0.1:${port}${path}`, headers: {} }), stop: () => stop(child) };
}

/** Whether this build has `touchpoint import`. */
export async function touchpointImportAvailable(): Promise<boolean> {
  // `import --help` would print the top-level help when the command is missing: read the list.
  const { stdout } = await run(process.execPath, [CLI, '--help']);
  return /^\s+import\b/m.test(stdout);
}

/** Seconds `touchpoint import FILE --type events` takes, process start to exit. */
export async function timeTouchpointImport(dir: DataDir, file: string): Promise<number> {
  return timed(() => run(process.execPath, [CLI, '--data', dir.path, 'import', file, '--type', 'events'], { maxBuffer: 64 * 1024 * 1024 }));
}

/** Seconds the baseline's insert loop takes over the same file, process start to exit. */
export async function timeBaselineImport(dir: DataDir, file: string): Promise<number> {
  await createSchema(dir);
  return timed(() => run(process.execPath, [join(here, 'baseline-import.js'), dir.databaseFile, file]));
}

async function createSchema(dir: DataDir): Promise<void> {
  const store = await openStore({ dataDir: dir.path });
  await store.close();
}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return (performance.now() - started) / 1000;
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\n')) resolve(text.split('\n')[0]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before it was ready`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
