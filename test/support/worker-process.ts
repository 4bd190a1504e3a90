import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import type { StoreLocation } from '../../src/store/open-store.js';

export interface WorkerOptions {
  location: StoreLocation;
  /** TOUCHPOINT_SMTP_URL. */
  smtpUrl: string;
  /** TOUCHPOINT_MAIL_FROM; giving each process its own sender tells at the SMTP server who sent what. */
  from: string;
  /** How far ahead of real time the process's clock runs (see shifted-clock.ts). */
  clockShiftMs?: number;
}

export interface WorkerProcess extends AsyncDisposable {
  /** Resolves once the worker says it is running. */
  ready: Promise<void>;
  /** Resolves when the process has exited, with how. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
  /** Everything it printed so far, for failure messages. */
  output(): string;
}

const SHIFTED_CLOCK = new URL('./shifted-clock.ts', import.meta.url).href;

/** Starts `touchpoint worker` as a real process, as an operator would; disposing kills it if it still runs. */
export function startWorker(options: WorkerOptions): WorkerProcess {
  const { location } = options;
  const preload = options.clockShiftMs ? ['--import', SHIFTED_CLOCK] : [];
  const args = ['--import', 'tsx', ...preload, 'src/cli/main.ts', '--data', location.dataDir || tmpdir(), ...(location.databaseUrl ? ['--database-url', location.databaseUrl] : []), 'worker'];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env, DATABASE_URL: '', TOUCHPOINT_DATA: '',
      TOUCHPOINT_SMTP_URL: options.smtpUrl, TOUCHPOINT_MAIL_FROM: options.from, TOUCHPOINT_TEST_CLOCK_SHIFT_MS: String(options.clockShiftMs ?? 0),
    },
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('journey worker running')) resolve();
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then(({ code, signal }) => reject(new Error(`the worker exited (${signal ?? code}) before it was running:\n${output}`)));
  });
  ready.catch(() => {}); // a caller that never awaits `ready` learns of the exit from `exited`
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    ready,
    exited,
    kill: (signal) => {
      if (running()) child.kill(signal);
    },
    output: () => output,
    async [Symbol.asyncDispose]() {
      if (running()) child.kill('SIGKILL');
      await exited;
    },
  };
}
