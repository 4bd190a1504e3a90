import type { SegmentMessage } from '../core/segment-messages.js';
import type { TouchedSubjects } from '../store/ingest/write-messages.js';
import type { Store } from '../store/store.js';

interface Submission {
  workspaceId: string;
  messages: readonly SegmentMessage[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Most messages one group commit carries; a larger backlog is written in several. */
const MAX_GROUP_MESSAGES = 5_000;

/**
 * Group commit: requests that arrive while a transaction is being written wait for the next
 * one, so many small requests share one durable commit (one fsync) instead of paying one
 * each. Each submitter's promise settles only after its messages are committed.
 */
export class IngestQueue implements AsyncDisposable {
  #pending: Submission[] = [];
  #flushing: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly newContactId: () => string,
    /** Told after each commit which contacts and accounts it changed, e.g. to update segment memberships. */
    private readonly afterWrite: (workspaceId: string, touched: TouchedSubjects) => void = () => {},
  ) {}

  /** Resolves once the messages are durably stored (retries of stored messages count as stored). */
  submit(workspaceId: string, messages: readonly SegmentMessage[]): Promise<void> {
    if (messages.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.#pending.push({ workspaceId, messages, resolve, reject });
      this.#flushing ??= this.#drain();
    });
  }

  async #drain(): Promise<void> {
    // Let the requests already parsed in this turn of the event loop join the first group.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      while (this.#pending.length > 0) {
        const group = this.#takeGroup();
        await this.#write(group);
      }
    } finally {
      this.#flushing = null;
    }
  }

  #takeGroup(): Submission[] {
    const workspaceId = this.#pending[0]!.workspaceId;
    const group: Submission[] = [];
    let size = 0;
    const rest: Submission[] = [];
    for (const submission of this.#pending) {
      if (submission.workspaceId === workspaceId && (group.length === 0 || size + submission.messages.length <= MAX_GROUP_MESSAGES)) {
        group.push(submission);
        size += submission.messages.length;
      } else rest.push(submission);
    }
    this.#pending = rest;
    return group;
  }

  async #write(group: Submission[]): Promise<void> {
    const workspaceId = group[0]!.workspaceId;
    try {
      const result = await this.store.writeMessages(workspaceId, group.flatMap((s) => s.messages), this.newContactId);
      this.afterWrite(workspaceId, result.touched);
      for (const s of group) s.resolve();
    } catch (error) {
      if (group.length === 1) return group[0]!.reject(error);
      // One failing submission must not fail the others: write each on its own.
      for (const s of group) await this.#write([s]);
    }
  }

  /** Waits until everything submitted so far is written. */
  async flush(): Promise<void> {
    while (this.#flushing) await this.#flushing;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.flush();
  }
}
