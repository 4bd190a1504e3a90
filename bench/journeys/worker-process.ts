import { startJourneyWork } from '../../src/cli/journey-work.js';
import type { EngineContext } from '../../src/engine/context.js';
import { randomIds } from '../../src/engine/system-context.js';
import { openStore } from '../../src/store/open-store.js';

/**
 * One journey worker of the benchmark, in its own process as `touchpoint worker` runs: the
 * same journey work (event feed, due runs, effects) over the same database, sending to the
 * benchmark's SMTP sink. Its clock is the system's plus an offset the benchmark sets over IPC,
 * so every process jumps over the journey's wait at the same moment.
 *
 * Messages in: `{ offset }`, `{ stop: true }`. Out: `{ ready: true }`, `{ stopped: true }`.
 */
export type WorkerCommand = { offset: number } | { stop: true };
export type WorkerReport = { ready: true } | { stopped: true };

const { BENCH_DATA_DIR: dataDir, BENCH_DATABASE_URL: databaseUrl, BENCH_SMTP_URL: smtpUrl, BENCH_SENDS_IN_FLIGHT: sendsInFlight } = process.env;
let offset = 0;
const store = await openStore({ dataDir: dataDir ?? '', ...(databaseUrl ? { databaseUrl } : {}) }, { migrate: false });
const context: EngineContext = { store, clock: { now: () => Date.now() + offset }, ids: randomIds };
const work = startJourneyWork(context, { smtpUrl: smtpUrl!, from: 'Bench <bench@bench.example>', publicUrl: 'http://localhost:3000', allowPrivateWebhooks: false, ...(sendsInFlight ? { sendsInFlight: Number(sendsInFlight) } : {}) });

process.on('message', (command: WorkerCommand) => {
  if ('offset' in command) offset = command.offset;
  else
    void (async () => {
      await work[Symbol.asyncDispose]();
      await store.close();
      process.send!({ stopped: true } satisfies WorkerReport, () => process.exit(0));
    })();
});
process.send!({ ready: true } satisfies WorkerReport);
