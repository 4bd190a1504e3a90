import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { WorkerCommand, WorkerReport } from './worker-process.js';

/** Where the workers find the database and the sink. */
export interface WorkerTarget {
  dataDir?: string;
  databaseUrl?: string;
  smtpUrl: string;
  /** Each worker's effects performed side by side; Touchpoint's default when absent. */
  sendsInFlight?: number;
}

/** The benchmark's worker processes, started and told the clock's offset together. */
export class BenchWorkers implements AsyncDisposable {
  private constructor(private readonly processes: ChildProcess[]) {}

  static async start(count: number, target: WorkerTarget): Promise<BenchWorkers> {
    const module = fileURLToPath(new URL('./worker-process.js', import.meta.url));
    const env = { ...process.env, BENCH_SMTP_URL: target.smtpUrl, ...(target.dataDir ? { BENCH_DATA_DIR: target.dataDir } : {}), ...(target.databaseUrl ? { BENCH_DATABASE_URL: target.databaseUrl } : {}), ...(target.sendsInFlight ? { BENCH_SENDS_IN_FLIGHT: String(target.sendsInFlight) } : {}) };
    // BENCH_WORKER_NODE_ARGS adds Node flags to the workers, e.g. "--cpu-prof --cpu-prof-dir=prof".
    const execArgv = [...process.execArgv, ...(process.env['BENCH_WORKER_NODE_ARGS']?.split(' ').filter(Boolean) ?? [])];
    const processes = Array.from({ length: count }, () => fork(module, [], { env, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    await Promise.all(processes.map((p) => report(p, 'ready')));
    return new BenchWorkers(processes);
  }

  setOffset(offset: number): void {
    for (const p of this.processes) p.send({ offset } satisfies WorkerCommand);
  }

  /** The workers' CPU time so far (user and system), in milliseconds, summed. */
  async cpuMs(): Promise<number> {
    const each = await Promise.all(
      this.processes.map(
        (p) =>
          new Promise<number>((resolve) => {
            const onMessage = (message: WorkerReport) => {
              if (!('cpu' in message)) return;
              p.off('message', onMessage);
              resolve(message.cpu / 1000);
            };
            p.on('message', onMessage);
            p.send({ cpu: true } satisfies WorkerCommand);
          }),
      ),
    );
    return each.reduce((a, b) => a + b, 0);
  }

  #stopping: Promise<void> | undefined;

  /** Stops every worker once (the baseline then has the database to itself); later calls wait for the same stop. */
  stop(): Promise<void> {
    this.#stopping ??= Promise.all(
      this.processes.map(async (p) => {
        if (p.exitCode !== null) return;
        const stopped = report(p, 'stopped');
        p.send({ stop: true } satisfies WorkerCommand);
        await stopped;
      }),
    ).then(() => {});
    return this.#stopping;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}

function report(child: ChildProcess, what: 'ready' | 'stopped'): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: WorkerReport) => {
      if (!(what in message)) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve();
    };
    const onExit = (code: number | null) => reject(new Error(`a bench worker exited (code ${code}) before it was ${what}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
