import { parseArgs } from 'node:util';
import { count, percentile, table } from '../report.js';
import { cacheKey, CACHE_DIR, startOfDay } from './bench-cache.js';
import { openPostgres, openSqlite, type BenchDatabase, type DatabaseName, type Loader } from './bench-databases.js';
import { BENCH_SEED, BenchClock, benchContext, loadBenchData, prepareModels, saveBenchSegments, type LoadedData } from './bench-data.js';
import { BENCH_SEGMENTS } from './bench-segments.js';
import { measureFullEvaluation, type FullEvaluation } from './full-evaluation.js';
import { measureMembershipLatency, type MembershipLatency } from './membership-latency.js';

/**
 * The segments benchmark: on the deterministic demo at scale, with 50 segments, the time of a
 * full evaluation (Touchpoint's `refreshSegments` beside one SELECT per segment run with the
 * driver, alternating, medians) and the delay from an ingested event to the membership change
 * (p50/p95/p99), on the embedded database and on PostgreSQL. Flags: --scale N (200 accounts
 * each), --people F and --activity F (multiply people per account and their product use; 1
 * when --scale or --quick is given, else the issue's shape below), --db sqlite|postgres|both,
 * --quick, --events N (latency probes), --rounds N, --postgres URL, --no-cache (load afresh,
 * and keep no copy; by default a load is cached for the day, see bench-cache.ts).
 */
const { values: flags } = parseArgs({
  options: {
    scale: { type: 'string' },
    activity: { type: 'string' },
    people: { type: 'string' },
    db: { type: 'string', default: 'both' },
    quick: { type: 'boolean', default: false },
    events: { type: 'string' },
    rounds: { type: 'string' },
    'no-cache': { type: 'boolean', default: false },
    postgres: { type: 'string', default: process.env['TOUCHPOINT_BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
/** By default the issue's shape: 20,000 accounts (scale 100) with about 200,000 contacts and 5 million events. */
const scale = Number(flags.scale ?? (flags.quick ? 1 : 100));
/** Multipliers of product use and of people per account: `--scale 100 --people 1.25 --activity 0.37` is the issue's shape, 20,000 accounts, ~200,000 contacts, ~5 million events. */
const activity = Number(flags.activity ?? (flags.quick || flags.scale ? 1 : 0.37));
const people = Number(flags.people ?? (flags.quick || flags.scale ? 1 : 1.25));
const probes = Number(flags.events ?? (flags.quick ? 40 : 300));
const rounds = Number(flags.rounds ?? (flags.quick ? 1 : 3));
const databases: DatabaseName[] = flags.db === 'both' ? ['sqlite', 'postgres'] : [flags.db as DatabaseName];
if (!databases.every((d) => d === 'sqlite' || d === 'postgres')) throw new Error(`--db must be sqlite, postgres or both, not ${flags.db}`);
if (!(scale > 0) || !(activity > 0) || !(people > 0) || !(probes > 0) || !(rounds > 0)) throw new Error('--scale, --activity, --people, --events and --rounds must be positive numbers');

interface Result {
  database: DatabaseName;
  data: LoadedData;
  full: FullEvaluation;
  latency: MembershipLatency;
}

console.log(`segments benchmark: demo scale ${scale}, ${BENCH_SEGMENTS.length} segments, ${rounds} round${rounds === 1 ? '' : 's'}, ${probes} latency probes`);
const results: Result[] = [];
for (const name of databases) {
  console.log(`\n${name}:`);
  const clock = new BenchClock();
  const end = startOfDay(Date.now());
  const cacheName = flags['no-cache'] ? undefined : cacheKey({ database: name, scale, activity, people, seed: BENCH_SEED, end });
  await using database = await open(name, (store) => loadBenchData(benchContext(store, clock), { scale, activity, people }, end, log), cacheName);
  const { data } = database;
  if (data.cached) log(`  the demo at scale ${scale} as loaded before (in ${Math.round(data.seconds)} s), from the cache in ${CACHE_DIR}`);
  const context = benchContext(database.store, clock);
  await saveBenchSegments(context);
  const full = await measureFullEvaluation(database, context, clock, rounds, log);
  await prepareModels(context, scale, log);
  const latency = await measureMembershipLatency(database, context, probes, log);
  results.push({ database: name, data, full, latency });
  printResult(results.at(-1)!);
}
printTables(results);

function open(name: DatabaseName, load: Loader, cacheName: string | undefined): Promise<BenchDatabase> {
  return name === 'sqlite' ? openSqlite(load, cacheName) : openPostgres(flags.postgres, load, cacheName);
}

function log(line: string): void {
  console.log(line);
}

function printResult(result: Result): void {
  const { latency, full } = result;
  console.log(`  baseline's slowest segments: ${full.slowest.map(([id, s]) => `${id} ${s.toFixed(2)} s`).join(', ')}`);
  console.log(`  full evaluation: first ${full.first.toFixed(1)} s; touchpoint ${full.touchpoint.map((s) => s.toFixed(1)).join(', ')} s; baseline ${full.baseline.map((s) => s.toFixed(1)).join(', ')} s`);
  const sorted = [...latency.latencies].sort((a, b) => a - b);
  const rate = latency.background.events / latency.background.seconds;
  console.log(
    `  event to membership: p50 ${count(percentile(sorted, 0.5))} ms, p95 ${count(percentile(sorted, 0.95))} ms, p99 ${count(percentile(sorted, 0.99))} ms, max ${count(percentile(sorted, 1))} ms` +
      ` (${sorted.length} probes seen, ${latency.missing} missing; background ${Math.round(rate)} events/s written)`,
  );
  console.log(`  scheduler ticks meanwhile: ${latency.ticks.length === 0 ? 'none' : latency.ticks.map((ms) => `${count(ms)} ms`).join(', ')}`);
}

function printTables(results: Result[]): void {
  console.log(`\nfull evaluation of ${BENCH_SEGMENTS.length} segments, seconds (medians of ${rounds} round${rounds === 1 ? '' : 's'}; first refresh: once):`);
  table([
    ['database', 'accounts', 'contacts', 'events', 'first refresh', 'refresh', 'baseline', 'ratio'],
    ...results.map((r) => {
      const touchpoint = median(r.full.touchpoint);
      const baseline = median(r.full.baseline);
      return [r.database, count(r.data.accounts), count(r.data.contacts), count(r.data.events), r.full.first.toFixed(1), touchpoint.toFixed(1), baseline.toFixed(1), `${(touchpoint / baseline).toFixed(2)}×`];
    }),
  ]);
  console.log('\nevent to membership change, milliseconds, with 200 background events/s:');
  table([
    ['database', 'probes', 'p50', 'p95', 'p99', 'max', 'missing'],
    ...results.map((r) => {
      const sorted = [...r.latency.latencies].sort((a, b) => a - b);
      return [r.database, count(r.latency.latencies.length), ...[0.5, 0.95, 0.99, 1].map((p) => count(percentile(sorted, p))), count(r.latency.missing)];
    }),
  ]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

