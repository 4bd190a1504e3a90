import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { batchBodies, ndjson, trackBodies } from './bodies.js';
import { postAll } from './load.js';
import {
  DataDir, startBaseline, startTouchpoint, timeBaselineImport, timeTouchpointImport, touchpointImportAvailable, type RunningServer,
} from './processes.js';

/**
 * The ingestion benchmark: events per second into the embedded database through
 * `POST /v1/batch`, `POST /v1/track` and `touchpoint import`, each beside a bare baseline
 * measured in the same run. Baseline and Touchpoint alternate, each on a fresh database,
 * and the medians are reported. Flags: --quick, --rounds N, --only batch,track,import.
 */
const { values: flags } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, rounds: { type: 'string' }, only: { type: 'string' } },
});
const scale = flags.quick ? 0.25 : 1;
const rounds = Number(flags.rounds ?? (flags.quick ? 1 : 3));
const only = new Set((flags.only ?? 'batch,track,import').split(','));

interface HttpScenario {
  name: string;
  path: string;
  eventsPerBody: number;
  concurrency: number;
  warmup: Buffer[];
  measured: Buffer[];
}

type Row = { scenario: string; touchpoint: number[]; baseline: number[] } | { scenario: string; unavailable: true };

const PER_BATCH = 100;
const scenarios: HttpScenario[] = [];
if (only.has('batch')) {
  scenarios.push({
    name: `/v1/batch, ${PER_BATCH} events a request, 16 connections`,
    path: '/v1/batch',
    eventsPerBody: PER_BATCH,
    concurrency: 16,
    warmup: batchBodies('warm-batch', Math.round(100 * scale), PER_BATCH),
    measured: batchBodies('batch', Math.round(1_000 * scale), PER_BATCH),
  });
}
if (only.has('track')) {
  scenarios.push({
    name: '/v1/track, 1 event a request, 64 connections',
    path: '/v1/track',
    eventsPerBody: 1,
    concurrency: 64,
    warmup: trackBodies('warm-track', Math.round(1_000 * scale)),
    measured: trackBodies('track', Math.round(12_000 * scale)),
  });
}

const rows: Row[] = [];
for (const scenario of scenarios) {
  const row = { scenario: scenario.name, touchpoint: [] as number[], baseline: [] as number[] };
  for (let round = 1; round <= rounds; round++) {
    row.baseline.push(await measureHttp(scenario, startBaseline));
    row.touchpoint.push(await measureHttp(scenario, startTouchpoint));
    progress(scenario.name, round, row);
  }
  rows.push(row);
}
if (only.has('import')) rows.push(await measureImports(Math.round(100_000 * scale)));
printTable(rows);

/** Events per second of one server: warm-up, measured phase, then a count of what was stored. */
async function measureHttp(scenario: HttpScenario, start: (dir: DataDir) => Promise<RunningServer>): Promise<number> {
  using dir = new DataDir();
  const server = await start(dir);
  let rate: number;
  try {
    const target = server.target(scenario.path);
    await postAll(target, scenario.warmup, scenario.eventsPerBody, scenario.concurrency);
    const { events, seconds } = await postAll(target, scenario.measured, scenario.eventsPerBody, scenario.concurrency);
    rate = events / seconds;
  } finally {
    await server.stop();
  }
  verifyStored(dir, (scenario.warmup.length + scenario.measured.length) * scenario.eventsPerBody);
  return rate;
}

async function measureImports(lines: number): Promise<Row> {
  const scenario = `touchpoint import, NDJSON file of ${lines.toLocaleString('en-US')} events`;
  if (!(await touchpointImportAvailable())) return { scenario, unavailable: true };
  const folder = mkdtempSync(join(tmpdir(), 'touchpoint-bench-import-'));
  try {
    const file = join(folder, 'events.ndjson');
    writeFileSync(file, ndjson('import', lines));
    const row = { scenario, touchpoint: [] as number[], baseline: [] as number[] };
    for (let round = 1; round <= rounds; round++) {
      for (const [list, time] of [[row.baseline, timeBaselineImport], [row.touchpoint, timeTouchpointImport]] as const) {
        using dir = new DataDir();
        const seconds = await time(dir, file);
        verifyStored(dir, lines);
        list.push(lines / seconds);
      }
      progress('import', round, row);
    }
    return row;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function verifyStored(dir: DataDir, expected: number): void {
  const stored = dir.countEvents();
  if (stored !== expected) throw new Error(`expected ${expected} events in the database, found ${stored}`);
}

function progress(name: string, round: number, row: { baseline: number[]; touchpoint: number[] }): void {
  console.log(`  ${name} — round ${round}: baseline ${format(row.baseline.at(-1)!)}/s, touchpoint ${format(row.touchpoint.at(-1)!)}/s`);
}

function printTable(rows: Row[]): void {
  const lines = [['scenario', 'events/s', 'baseline events/s', 'ratio']];
  for (const row of rows) {
    if ('unavailable' in row) {
      lines.push([row.scenario, 'import: not available', '', '']);
      continue;
    }
    const touchpoint = median(row.touchpoint);
    const baseline = median(row.baseline);
    lines.push([row.scenario, format(touchpoint), format(baseline), `${(touchpoint / baseline).toFixed(2)}×`]);
  }
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  console.log(`\nmedians of ${rounds} round${rounds === 1 ? '' : 's'}, each on a fresh database:`);
  for (const line of lines) console.log(line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('   '));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function format(rate: number): string {
  return Math.round(rate).toLocaleString('en-US');
}
