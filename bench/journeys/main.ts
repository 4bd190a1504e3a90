import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import type { EngineContext } from '../../src/engine/context.js';
import { randomIds } from '../../src/engine/system-context.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { count, percentile, table } from '../report.js';
import { applyBenchJourney, benchAddress, loadBenchContacts, triggerBench, WAIT_MS, WORKSPACE_ID } from './bench-journey.js';
import { BenchWorkers } from './bench-processes.js';
import { countVisits, deadEffects, journeyProgress, runLateness, waitFor } from './journey-progress.js';
import { administer, bareStateWrites } from './state-writes.js';
import { startSmtpCounter } from './smtp-counter.js';

/**
 * The journeys benchmark: contacts through e-mail -> wait -> branch -> task -> e-mail, worked
 * by `touchpoint worker`-like processes that send to a sink SMTP server, on a clock that jumps
 * over the wait. It reports
 * - steps per second: every contact enters at once (a backlog), the clock jumps an hour, and all
 *   steps of all runs over the time the workers took, beside the same number of bare
 *   transactional state writes on the same database (the baseline);
 * - event-to-send latency and timer lateness, p50/p95/p99: probe contacts enter one by one at
 *   a steady rate; from the stored event to the welcome e-mail at the sink, and from a wait's
 *   due time to the step after it.
 * Flags: --db sqlite|postgres|both, --contacts N, --probes N, --rate N (probes a second),
 * --workers N (default 1 on SQLite, 2 on PostgreSQL), --sends-in-flight N (each worker's, as
 * TOUCHPOINT_SENDS_IN_FLIGHT; Touchpoint's default when absent), --postgres URL, --quick.
 */
const { values: flags } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    contacts: { type: 'string' },
    probes: { type: 'string' },
    rate: { type: 'string', default: '50' },
    workers: { type: 'string' },
    'sends-in-flight': { type: 'string' },
    quick: { type: 'boolean', default: false },
    postgres: { type: 'string', default: process.env['TOUCHPOINT_BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const contacts = Number(flags.contacts ?? (flags.quick ? 2_000 : 100_000));
const probes = Number(flags.probes ?? (flags.quick ? 100 : 500));
const rate = Number(flags.rate);
const databases = flags.db === 'both' ? (['sqlite', 'postgres'] as const) : [flags.db as 'sqlite' | 'postgres'];
if (!databases.every((d) => d === 'sqlite' || d === 'postgres')) throw new Error(`--db must be sqlite, postgres or both, not ${flags.db}`);
if (!(contacts > 0) || !(probes > 0) || !(rate > 0)) throw new Error('--contacts, --probes and --rate must be positive numbers');

/** The benchmark's own database on the PostgreSQL server, dropped at the end. */
const BENCH_DATABASE = 'touchpoint_bench_journeys';
const TRIGGER_BATCH = 1000;

interface Result {
  database: string;
  workers: number;
  steps: number;
  seconds: number;
  /** The workers' CPU time from the first trigger to the last run ended. */
  workerCpuMs: number;
  baselineSeconds: number;
  eventToSend: number[];
  lateness: number[];
  backlogEventToSend: number[];
  dead: number;
}

console.log(`journeys benchmark: ${count(contacts)} contacts through e-mail -> wait -> branch -> task -> e-mail, ${probes} probes at ${rate}/s`);
const results: Result[] = [];
for (const database of databases) {
  const workers = Number(flags.workers ?? (database === 'sqlite' ? 1 : 2));
  console.log(`\n${database}, ${workers} worker${workers === 1 ? '' : 's'}:`);
  results.push(await run(database, workers));
}
printTables(results);

async function run(database: 'sqlite' | 'postgres', workerCount: number): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-bench-journeys-'));
  let databaseUrl: string | undefined;
  if (database === 'postgres') {
    await administer(flags.postgres, [`drop database if exists ${BENCH_DATABASE} with (force)`, `create database ${BENCH_DATABASE}`]);
    const url = new URL(flags.postgres);
    url.pathname = `/${BENCH_DATABASE}`;
    databaseUrl = url.href;
  }
  const store = await openStore({ dataDir: dir, ...(databaseUrl ? { databaseUrl } : {}) });
  try {
    return await measure(store, database, workerCount, { dataDir: dir, ...(databaseUrl ? { databaseUrl } : {}) });
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    if (database === 'postgres') await administer(flags.postgres, [`drop database if exists ${BENCH_DATABASE} with (force)`]);
  }
}

async function measure(store: Store, database: string, workerCount: number, target: { dataDir: string; databaseUrl?: string }): Promise<Result> {
  let offset = 0;
  const context: EngineContext = { store, clock: { now: () => Date.now() + offset }, ids: randomIds };
  await store.workspaces.ensure(WORKSPACE_ID, 'Default workspace', context.clock.now());
  let at = Date.now();
  await loadBenchContacts(context, 0, contacts + probes);
  await applyBenchJourney(context);
  console.log(`  ${count(contacts + probes)} contacts loaded in ${((Date.now() - at) / 1000).toFixed(1)} s`);

  await using sink = await startSmtpCounter();
  await using workers = await BenchWorkers.start(workerCount, { ...target, smtpUrl: `smtp://127.0.0.1:${sink.port}?pool=true`, ...(flags['sends-in-flight'] ? { sendsInFlight: Number(flags['sends-in-flight']) } : {}) });
  const jump = (ms: number) => {
    offset += ms;
    workers.setOffset(offset);
  };
  const progress = () => journeyProgress(store);

  // Throughput: every contact at once, then the clock over the wait.
  const stored = new Array<number>(contacts + probes);
  const cpuAtStart = await workers.cpuMs();
  const started = Date.now();
  for (let from = 0; from < contacts; from += TRIGGER_BATCH) {
    const batch = Array.from({ length: Math.min(TRIGGER_BATCH, contacts - from) }, (_, k) => from + k);
    await triggerBench(context, batch);
    const ack = Date.now();
    for (const i of batch) stored[i] = ack;
  }
  console.log(`  ${count(contacts)} trigger events stored in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await sink.reached(contacts);
  await waitFor(progress, (p) => p.waiting === contacts && p.pendingEffects === 0);
  const entered = Date.now() - started;
  console.log(`  every run sent its welcome and waits: ${(entered / 1000).toFixed(1)} s`);
  at = Date.now();
  jump(WAIT_MS + 60_000);
  await sink.reached(2 * contacts);
  await waitFor(progress, (p) => p.ended === contacts && p.pendingEffects === 0);
  const finished = Date.now() - at;
  const workerCpuMs = (await workers.cpuMs()) - cpuAtStart;
  const steps = await countVisits(store);
  const dead = await deadEffects(store);
  const seconds = (entered + finished) / 1000;
  console.log(`  every run past the wait and ended: ${(finished / 1000).toFixed(1)} s; ${count(steps)} steps in ${seconds.toFixed(1)} s = ${count(steps / seconds)} steps/s`);
  console.log(`  the workers' CPU over that time: ${count(workerCpuMs)} ms = ${((workerCpuMs * 1000) / steps).toFixed(0)} µs a step, ${(workerCpuMs / contacts).toFixed(2)} ms a contact`);
  const backlogEventToSend = Array.from({ length: contacts }, (_, i) => sink.arrivals.get(benchAddress(i))![0]! - stored[i]!).sort((a, b) => a - b);

  // Latency: probes one at a time at a steady rate.
  const probeStart = Date.now();
  for (let k = 0; k < probes; k++) {
    const i = contacts + k;
    await sleep(Math.max(0, probeStart + (k * 1000) / rate - Date.now()));
    await triggerBench(context, [i]);
    stored[i] = Date.now();
  }
  await sink.reached(2 * contacts + probes);
  await waitFor(progress, (p) => p.waiting === probes && p.pendingEffects === 0);
  const eventToSend = Array.from({ length: probes }, (_, k) => sink.arrivals.get(benchAddress(contacts + k))![0]! - stored[contacts + k]!).sort((a, b) => a - b);
  // The clock jumps to a second before the first probe's timer: they come due from then on, as they were set.
  const { nextWake } = await progress();
  jump(nextWake! - context.clock.now() - 1000);
  await sink.reached(2 * (contacts + probes));
  await waitFor(progress, (p) => p.ended === contacts + probes && p.pendingEffects === 0);
  const lateness = (await runLateness(store, WAIT_MS)).slice(-probes).sort((a, b) => a - b);
  console.log(`  probes: event to send p50 ${count(percentile(eventToSend, 0.5))} ms, p99 ${count(percentile(eventToSend, 0.99))} ms; timer lateness p50 ${count(percentile(lateness, 0.5))} ms, p99 ${count(percentile(lateness, 0.99))} ms`);

  // The workers' idle polls would wait on the baseline's writer lock, and it on them.
  await workers.stop();
  const baselineSeconds = await bareStateWrites(store, steps, workerCount, target);
  console.log(`  baseline: ${count(steps)} bare transactional state writes in ${baselineSeconds.toFixed(1)} s = ${count(steps / baselineSeconds)} writes/s`);
  if (sink.count !== 2 * (contacts + probes)) console.log(`  ! the sink received ${count(sink.count)} messages, not ${count(2 * (contacts + probes))}`);
  return { database, workers: workerCount, steps, seconds, workerCpuMs, baselineSeconds, eventToSend, lateness, backlogEventToSend, dead };
}

function printTables(results: readonly Result[]): void {
  console.log('\nsteps per second (every contact entering at once, then the wait jumped over):');
  table([
    ['database', 'workers', 'steps', 'seconds', 'steps/s', 'baseline writes/s', 'ratio', 'worker CPU µs/step', 'dead effects'],
    ...results.map((r) => [r.database, String(r.workers), count(r.steps), r.seconds.toFixed(1), count(r.steps / r.seconds), count(r.steps / r.baselineSeconds), `${(r.baselineSeconds / r.seconds).toFixed(2)}×`, count((r.workerCpuMs * 1000) / r.steps), count(r.dead)]),
  ]);
  console.log(`\nmilliseconds, p50 / p95 / p99 (probes at ${rate}/s; the backlog: every contact's welcome while all entered at once):`);
  const ps = (values: readonly number[]) => [0.5, 0.95, 0.99].map((p) => count(percentile(values, p))).join(' / ');
  table([['database', 'event to send', 'timer lateness', 'backlog event to send'], ...results.map((r) => [r.database, ps(r.eventToSend), ps(r.lateness), ps(r.backlogEventToSend)])]);
}
