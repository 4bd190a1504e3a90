import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.js';

type Write<T> = (trx: Transaction<Database>) => Promise<T>;

interface Pending {
  write: Write<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Writes committed together at most: one transaction stays short, and a caller waits for no more than this many others. */
const MAX_GROUP = 64;

/**
 * Group commit for small writes that arrive side by side (a worker's sends finishing one after
 * another, each logging its message): a write submitted while no group is being committed is
 * committed on the event loop's next turn, with the writes that I/O completing meanwhile
 * submitted; writes submitted during a commit are committed together in the next transaction. Each caller's promise settles when its own write is durable, so the
 * guarantee is that of a transaction per write, at a fraction of the commits (each a sync to
 * disk on SQLite).
 *
 * A group that fails is retried one write at a time, so one bad write fails only its caller.
 */
export class GroupCommit {
  #queue: Pending[] = [];
  #committing = false;

  constructor(private readonly db: Kysely<Database>) {}

  /** Runs `write` in a transaction shared with the writes submitted beside it; resolves once it committed. */
  run<T>(write: Write<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#committing) {
        this.#committing = true;
        // Callbacks of I/O that completed meanwhile run first, and their writes join the group.
        setImmediate(() => void this.#commitAll());
      }
    });
  }

  async #commitAll(): Promise<void> {
    try {
      while (this.#queue.length > 0) await this.#commit(this.#queue.splice(0, MAX_GROUP));
    } finally {
      this.#committing = false;
    }
  }

  async #commit(group: Pending[]): Promise<void> {
    try {
      const results = await this.db.transaction().execute(async (trx) => {
        const out: unknown[] = [];
        for (const pending of group) out.push(await pending.write(trx));
        return out;
      });
      group.forEach((pending, i) => pending.resolve(results[i]));
    } catch (error) {
      if (group.length === 1) return group[0]!.reject(error);
      for (const pending of group) await this.#commit([pending]);
    }
  }
}
