import { Option, type Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { validationError } from '../core/errors.js';
import { IMPORT_FORMATS, IMPORT_TYPES, type ImportFormat, type ImportType } from '../core/import-rows.js';
import { writeDemoFile } from '../engine/demo/demo-file.js';
import { describeDemo, loadDemo, prepareDemoWorkspace } from '../engine/demo/load-demo.js';
import { formatOfPath, importFile, type ImportProgress } from '../engine/import/import-file.js';
import { afterSegmentRefresh } from '../engine/models/after-segment-refresh.js';
import { refreshSegments } from '../engine/segments/refresh-segments.js';
import { describeImport } from '../engine/import/import-report.js';
import { systemClock } from '../engine/system-context.js';
import { DEFAULT_WORKSPACE_ID } from '../store/workspaces.js';
import { integer, isoDate, positive } from './option-parsers.js';
import { openContext, type GlobalOptions } from './wiring.js';

/** Plain progress lines, when stderr is not a terminal, at most this often. */
const PLAIN_PROGRESS_MS = 5000;

/** `touchpoint import` and `touchpoint demo`. */
export function registerDataCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('demo')
    .description('load a year of realistic demo data (a B2B SaaS and its customers) into the default workspace, or write it as NDJSON')
    .addOption(new Option('--seed <n>', 'random seed: the same seed and end give the same data').default(1).argParser(integer))
    .addOption(new Option('--scale <n>', 'multiplies the number of accounts (1: ~200 accounts, ~90k events)').default(1).argParser(positive))
    .addOption(new Option('--end <date>', 'when the demo year ends, ISO-8601 (default: now)').argParser(isoDate))
    .option('--out <file>', 'write NDJSON (one Segment message a line) instead of loading')
    .action(async (options: { seed: number; scale: number; end?: number; out?: string }) => {
      const end = options.end ?? systemClock.now();
      const started = performance.now();
      const elapsed = () => ((performance.now() - started) / 1000).toFixed(1);
      if (options.out) {
        const report = progressLine();
        const count = await writeDemoFile(options.out, { seed: options.seed, scale: options.scale, end }, (n) => report(`${n.toLocaleString('en-US')} messages written`));
        report.done();
        console.log(`wrote ${count.toLocaleString('en-US')} messages to ${options.out} in ${elapsed()} s`);
        return;
      }
      const context = await openContext(globals());
      try {
        const report = progressLine();
        const summary = await loadDemo(context, DEFAULT_WORKSPACE_ID, { seed: options.seed, scale: options.scale, end, onProgress: (n) => report(`${n.toLocaleString('en-US')} events loaded`) });
        report.done();
        console.log(`${describeDemo(summary)} in ${elapsed()} s`);
        const login = await prepareDemoWorkspace(context, DEFAULT_WORKSPACE_ID, { scale: options.scale, seed: options.seed, log: console.log });
        console.log(`demo login: ${login.email} / ${login.password}`);
      } finally {
        await context.store.close();
      }
    });

  program
    .command('import <file>')
    .description('import accounts, contacts or events from CSV (with a header line, or --columns), NDJSON, or whitespace-separated text (--columns). Exits 0 when rows were imported even if some were rejected; 1 when the file cannot be read or no row was valid')
    .addOption(new Option('--type <type>', 'what the rows are').choices(IMPORT_TYPES).makeOptionMandatory())
    .addOption(new Option('--format <format>', 'file format (default: from the file extension); text is whitespace-separated values under --columns').choices(IMPORT_FORMATS))
    .option('--columns <names>', 'the columns, comma-separated, for a file without a header line; - leaves one out', (value: string) => value.split(',').map((c) => c.trim()))
    .option('--event <name>', 'for events: the event of rows without an event column, e.g. "Order Completed"')
    .action(async (file: string, options: { type: ImportType; format?: ImportFormat; columns?: string[]; event?: string }) => {
      const format = options.format ?? formatOfPath(file);
      if (!format) throw validationError(`cannot tell the format of ${file}; pass --format csv, ndjson or text`);
      const context = await openContext(globals());
      const started = performance.now();
      const progress = importProgress();
      try {
        const summary = await importFile(context, DEFAULT_WORKSPACE_ID, { path: file, type: options.type, format, columns: options.columns, event: options.event, onProgress: progress.update });
        progress.stop();
        for (const line of describeImport(summary, (performance.now() - started) / 1000)) console.log(line);
        if (summary.rejected > 0 && summary.stored + summary.duplicates === 0) process.exitCode = 1;
        // A running server only re-evaluates what it wrote itself: memberships, phases and
        // escalations catch up with the imported rows here.
        if (summary.stored > 0) {
          const changes = await refreshSegments(context, DEFAULT_WORKSPACE_ID);
          await afterSegmentRefresh(context, DEFAULT_WORKSPACE_ID, changes);
          console.log(`segments refreshed: ${changes.length.toLocaleString('en-US')} entries and exits`);
        }
      } finally {
        progress.stop();
        await context.store.close();
      }
    });
}

/** A bar by bytes read on a terminal; otherwise a plain line now and then. */
function importProgress() {
  let stopped = false;
  if (process.stderr.isTTY) {
    const bar = new SingleBar({ stream: process.stderr, format: 'importing [{bar}] {percentage}% | {rows} rows | ETA {eta_formatted}', hideCursor: true, clearOnComplete: false }, undefined);
    let started = false;
    return {
      update: (p: ImportProgress) => {
        if (!started) (bar.start(Math.max(1, p.totalBytes), 0, { rows: 0 }), (started = true));
        bar.update(p.bytesRead, { rows: p.rowsRead.toLocaleString('en-US') });
      },
      stop: () => {
        if (started && !stopped) bar.stop();
        stopped = true;
      },
    };
  }
  let last = performance.now();
  return {
    update: (p: ImportProgress) => {
      if (stopped || performance.now() - last < PLAIN_PROGRESS_MS) return;
      last = performance.now();
      console.error(`importing: ${Math.floor((100 * p.bytesRead) / Math.max(1, p.totalBytes))}% of the file, ${p.rowsRead.toLocaleString('en-US')} rows`);
    },
    stop: () => {
      stopped = true;
    },
  };
}

/** One line rewritten in place on a terminal; otherwise a line now and then. */
function progressLine() {
  let last = performance.now();
  let shown = false;
  const report = (text: string) => {
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${text}   `);
      shown = true;
    } else if (performance.now() - last >= PLAIN_PROGRESS_MS) {
      last = performance.now();
      console.error(text);
    }
  };
  report.done = () => {
    if (shown) process.stderr.write('\n');
  };
  return report;
}
