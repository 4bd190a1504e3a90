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
 * Messages in: `{ offset }`, `{ cpu: true }`, `{ stop: true }`. Out: `{ ready: true }`,
 * `{ cpu: microseconds }` (the process's user and system time so far), `{ stopped: true }`.
 */
export type WorkerCommand = { offset: number } | { cpu: true } | { stop: true };
export type WorkerReport = { ready: true } | { cpu: number } | { stopped: true };

const { BENCH_DATA_DIR: dataDir, BENCH_DATABASE_URL: databaseUrl, BENCH_SMTP_URL: smtpUrl, BENCH_SENDS_IN_FLIGHT: sendsInFlight } = process.env;
let offset = 0;
const store = await openStore({ dataDir: dataDir ?? '', ...(databaseUrl ? { databaseUrl } : {}) }, { migrate: false });
const context: EngineContext = { store, clock: { now: () => Date.now() + offset }, ids: randomIds };
const work = startJourneyWork(context, { smtpUrl: smtpUrl!, from: 'Bench <bench@bench.example>', publicUrl: 'http://localhost:3000', allowPrivateWebhooks: false, ...(sendsInFlight ? { sendsInFlight: Number(sendsInFlight) } : {}) });

process.on('message', (command: WorkerCommand) => {
  if ('offset' in command) offset = command.offset;
  else if ('cpu' in command) {
    const { user, system } = process.cpuUsage();
    process.send!({ cpu: user + system } satisfies WorkerReport);
  } else
    void (async () => {
      await work[Symbol.asyncDispose]();
      await store.close();
      process.send!({ stopped: true } satisfies WorkerReport, () => process.exit(0));
    })();
});
process.send!({ ready: true } satisfies WorkerReport);
