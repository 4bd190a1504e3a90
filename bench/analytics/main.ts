import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadDemo } from '../../src/engine/demo/load-demo.js';
import { accountHealth } from '../../src/engine/metrics/account-health.js';
import { engagementScores } from '../../src/engine/metrics/engagement-scores.js';
import { frameworkFunnel, frameworkJourneyMap } from '../../src/engine/metrics/frameworks.js';
import { goalProgress } from '../../src/engine/metrics/goals.js';
import { conversion, referrals, retention, revenue, reviews, surveyScores, timeToValueOfCohorts, type MetricRange } from '../../src/engine/metrics/period-metrics.js';
import { sqliteDialect } from '../../src/store/dialects/sqlite/sqlite-dialect.js';
import { Store } from '../../src/store/store.js';
import { DEFAULT_WORKSPACE_ID } from '../../src/store/workspaces.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { count, percentile, table } from '../report.js';
import { IngestProbe, StallMonitor } from './ingest-probe.js';
import { benchContext, BenchClock } from '../segments/bench-data.js';

/**
 * The analytics benchmark: on the deterministic demo at a scale (loaded once into the system's
 * temporary directory, `touchpoint-bench-analytics/scale-N`, kept for later runs), each metric, funnel, map and score the
 * dashboard reads, on the embedded database, as the median of --rounds runs, beside the
 * baseline of the same run: one count of the workspace's events over the year, the least a
 * query over them costs. Meanwhile the server in this process takes `POST /v1/track` at a
 * steady rate (`IngestProbe`): its latency while the queries run is printed beside its latency
 * before they start, with the process's peak memory. Flags: --scale N (200 accounts each; 56
 * is about 5 million events), --rounds N, --ingest-rate N (requests a second, 50), --readers N
 * (the store's reader threads; 0 runs every query on its own connection, as before they existed),
 * --only WORDS (comma-separated: the queries whose label has one of them, and the baseline).
 */
const { values: flags } = parseArgs({ options: { scale: { type: 'string', default: '10' }, rounds: { type: 'string', default: '3' }, 'ingest-rate': { type: 'string', default: '50' }, readers: { type: 'string' }, only: { type: 'string' } } });
const scale = Number(flags.scale);
const rounds = Number(flags.rounds);
const ingestRate = Number(flags['ingest-rate']);
if (!(scale > 0) || !(rounds > 0) || !(ingestRate > 0)) throw new Error('--scale, --rounds and --ingest-rate must be positive numbers');

const DAY = 86_400_000;
const dir = join(tmpdir(), 'touchpoint-bench-analytics', `scale-${scale}`);
const fresh = !existsSync(join(dir, 'touchpoint.db'));
mkdirSync(dir, { recursive: true });
await using store = await Store.open(sqliteDialect(join(dir, 'touchpoint.db'), flags.readers === undefined ? {} : { readers: Number(flags.readers) }));
const clock = new BenchClock();
const context = benchContext(store, clock);
const ws = DEFAULT_WORKSPACE_ID;
if (fresh) {
  const started = performance.now();
  const summary = await loadDemo(context, ws, { seed: 1, scale, end: Date.UTC(2026, 11, 1) });
  console.log(`loaded the demo at scale ${scale}: ${count(summary.events)} events in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
// As a bulk import does: the planner's statistics up to date, so it picks the indexes it should.
await store.refreshStatistics();
// The demo's year ends on 1 December 2026; the clock stands there so every run reads the same data.
clock.freeze(Date.UTC(2026, 11, 1));
const now = clock.now();
const events = Number((await store.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', ws).executeTakeFirstOrThrow()).n);
const year: MetricRange = { from: now - 365 * DAY, to: now, interval: 'month', audience: {} };
const weeks: MetricRange = { from: now - 84 * DAY, to: now, interval: 'week', audience: {} };

const ALL_QUERIES: [string, () => Promise<unknown>][] = [
  ['baseline: count the year’s events', () => sql`SELECT COUNT(*) FROM events WHERE workspace_id = ${ws} AND timestamp >= ${year.from}`.execute(store.db)],
  ['NPS per month, 12 months', () => surveyScores(context, ws, 'nps', year)],
  ['retention, 12 weeks', () => retention(context, ws, { cohort: 'signup' }, weeks)],
  ['conversion per month', () => conversion(context, ws, { conversionEvent: 'Signed Up' }, year)],
  ['revenue retention per month', () => revenue(context, ws, 1, year)],
  ['referrals per month', () => referrals(context, ws, 'Signed Up', year)],
  ['reviews per month', () => reviews(context, ws, year)],
  ['time to value per month', () => timeToValueOfCohorts(context, ws, { signup: 'Signed Up', activation: 'Onboarding Completed' }, year)],
  ['AARRR funnel (5 stages)', () => frameworkFunnel(context, ws, 'aarrr', year)],
  ['LAER funnel (4 stages)', () => frameworkFunnel(context, ws, 'laer', year)],
  ['AARRR journey map', () => frameworkJourneyMap(context, ws, 'aarrr', year)],
  ['engagement, all accounts', () => engagementScores(context, ws, 'account')],
  ['health, all accounts', () => accountHealth(context, ws)],
  ['goals (5)', () => goalProgress(context, ws)],
];
// --only engagement,health: the baseline and the queries whose label has one of the words.
const only = flags.only?.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
const QUERIES = only ? ALL_QUERIES.filter(([label], i) => i === 0 || only.some((w) => label.toLowerCase().includes(w))) : ALL_QUERIES;

console.log(`analytics benchmark: demo scale ${scale}, ${count(events)} events, SQLite (${store.dialect.readers?.size ?? 0} reader threads), median of ${rounds}; ingestion at ${ingestRate}/s meanwhile`);
await using ingesting = await IngestProbe.start(context, ingestRate);
// A second of warm-up (the server's first connections), then ten seconds of ingestion alone.
await sleep(1_000);
ingesting.reset();
await sleep(10_000);
const idleLatencies = [...ingesting.latencies].sort((a, b) => a - b);
const idleFailures = ingesting.failures;
ingesting.reset();
let peakRss = process.memoryUsage().rss;
const rssSampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const medians: number[] = [];
// The longest the event loop was held during each query's rounds: what ingestion waits behind.
const stalls: number[] = [];
const loop = new StallMonitor();
for (const [, run] of QUERIES) {
  const times: number[] = [];
  loop.reset();
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  // The monitor's timer records a stall when it next runs: let it, before reading.
  await sleep(20);
  stalls.push(loop.longest);
  medians.push(times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!);
}
loop.stop();
await ingesting.stop();
clearInterval(rssSampler);
const busyLatencies = [...ingesting.latencies].sort((a, b) => a - b);
const baseline = medians[0]!;
table([['query', 'median ms', '× baseline', 'under 1 s', 'longest stall ms'], ...QUERIES.map(([label], i) => [label, count(medians[i]!), (medians[i]! / baseline).toFixed(1), medians[i]! < 1000 ? 'yes' : 'no', count(stalls[i]!)])]);

const ps = (sorted: readonly number[]) => [0.5, 0.99].map((p) => count(percentile(sorted, p))).join(' / ') + ` / ${count(sorted.at(-1) ?? 0)}`;
console.log(`\ningestion, POST /v1/track at ${ingestRate}/s, ms p50 / p99 / max:`);
table([
  ['while', 'requests', 'latency', 'failed'],
  ['nothing else runs (10 s)', count(idleLatencies.length), ps(idleLatencies), count(idleFailures)],
  ['the queries above run', count(busyLatencies.length), ps(busyLatencies), count(ingesting.failures)],
]);
console.log(`\npeak memory (resident, the process with its reader threads) while the queries ran: ${count(peakRss / 2 ** 20)} MiB`);
