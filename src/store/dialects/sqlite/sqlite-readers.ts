import type { Worker } from 'node:worker_threads';
import type { CompiledQuery } from 'kysely';
import { siblingModule, startModuleThread } from '../../../platform/module-thread.js';
import type { StoreReaders } from '../dialect.js';
import type { ReadAnswer, ReadRequest } from './sqlite-reader-thread.js';

const THREAD_MODULE = siblingModule('sqlite-reader-thread', import.meta.url);

/** Rows a reader thread sends in one message; the main thread asks for the next part when it is free. */
export const ANSWER_ROWS = 2_000;

function startThread(file: string): Worker {
  return startModuleThread(THREAD_MODULE, { file, answerRows: ANSWER_ROWS });
}

interface Pending {
  resolve(rows: unknown[]): void;
  reject(error: Error): void;
  /** The parts received so far of an answer that comes in several. */
  parts: unknown[][];
}

/**
 * Read-only connections to the embedded database, each in its own worker thread. better-sqlite3
 * is synchronous: a long SELECT on the store's connection blocks the event loop, and with it
 * ingestion and the API, and one connection runs one statement at a time. In WAL mode readers
 * run beside the writer on a snapshot of what was committed when their statement began, so a
 * SELECT sent here after a commit reads that commit.
 *
 * Threads start on first use, up to `size`; each request goes to the one with the fewest
 * waiting. A thread holds the process open only while it has requests.
 */
export class SqliteReaders implements StoreReaders {
  readonly #threads: ReaderThread[] = [];
  #closed = false;

  constructor(
    private readonly file: string,
    readonly size: number,
  ) {}

  read<R>(query: CompiledQuery): Promise<R[]> {
    if (this.#closed) return Promise.reject(new Error('the store is closed'));
    let thread = this.#threads.reduce<ReaderThread | undefined>((least, t) => (least && least.waiting <= t.waiting ? least : t), undefined);
    if (!thread || (thread.waiting > 0 && this.#threads.length < this.size)) {
      thread = new ReaderThread(this.file, (gone) => {
        const at = this.#threads.indexOf(gone);
        if (at >= 0) this.#threads.splice(at, 1);
      });
      this.#threads.push(thread);
    }
    return thread.read(query) as Promise<R[]>;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#threads.splice(0).map((t) => t.close()));
  }
}

class ReaderThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextId = 0;

  constructor(file: string, onGone: (thread: ReaderThread) => void) {
    this.#worker = startThread(file);
    this.#worker.unref();
    this.#worker.on('message', (answer: ReadAnswer) => this.#settle(answer));
    const fail = (error: Error) => {
      onGone(this);
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    };
    this.#worker.on('error', fail);
    this.#worker.on('exit', (code) => fail(new Error(`a reader thread of the embedded database stopped (exit code ${code})`)));
  }

  get waiting(): number {
    return this.#pending.size;
  }

  read(query: CompiledQuery): Promise<unknown[]> {
    const id = this.#nextId++;
    const request: ReadRequest = { id, sql: query.sql, parameters: [...query.parameters] };
    return new Promise((resolve, reject) => {
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, { resolve, reject, parts: [] });
      this.#worker.postMessage(request);
    });
  }

  #settle(answer: ReadAnswer): void {
    const pending = this.#pending.get(answer.id);
    if (!pending) return;
    if ('rows' in answer && answer.more) {
      pending.parts.push(answer.rows);
      // The next part after whatever else is waiting to run: other work goes between the parts.
      setImmediate(() => this.#worker.postMessage({ id: answer.id, next: true } satisfies ReadRequest));
      return;
    }
    this.#pending.delete(answer.id);
    if (this.#pending.size === 0) this.#worker.unref();
    if ('rows' in answer) pending.resolve(pending.parts.length ? pending.parts.concat([answer.rows]).flat() : answer.rows);
    else pending.reject(Object.assign(new Error(answer.error.message), answer.error.code === undefined ? {} : { code: answer.error.code }));
  }

  async close(): Promise<void> {
    await this.#worker.terminate();
  }
}
