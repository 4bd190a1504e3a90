import type { EngineContext } from '../context.js';
import { afterSegmentRefresh } from '../models/after-segment-refresh.js';
import { refreshSegments } from './refresh-segments.js';

/** How soon after ingestion memberships are refreshed; writes within this time share one refresh. */
const AFTER_WRITE_MS = 200;
/**
 * Refreshing may take at most 1 / (1 + this) of the process's time under steady ingestion: on
 * SQLite a refresh blocks the process, ingestion included, so a refresh that took 2 s waits 8 s
 * before the next. (Evaluating only the subjects an event touches will remove this wait.)
 */
const COOLDOWN_FACTOR = 4;

/**
 * Keeps segment memberships (and the phases that end on them) current in a running server: a workspace is refreshed shortly
 * after ingestion writes to it (so an event moves a subject within a second), and every
 * workspace on each `tick`, which the scheduler calls for time conditions ("no login for 14
 * days" becomes true with no event at all). Refreshes of one workspace never overlap.
 */
export class SegmentRefresher implements AsyncDisposable {
  readonly #due = new Set<string>();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> = Promise.resolve();
  #closed = false;
  #cooldownUntil = 0;

  constructor(
    private readonly context: EngineContext,
    private readonly onError: (error: unknown) => void = (error) => console.error('segment refresh failed:', error),
  ) {}

  /** Ingestion wrote to this workspace. */
  written(workspaceId: string): void {
    if (this.#closed) return;
    this.#due.add(workspaceId);
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      this.#run();
    }, Math.max(AFTER_WRITE_MS, this.#cooldownUntil - performance.now()));
  }

  /** Refreshes every workspace now (the scheduler's tick). */
  tick(workspaceIds: readonly string[]): Promise<void> {
    for (const id of workspaceIds) this.#due.add(id);
    return this.#run();
  }

  /** Resolves when every refresh asked for so far is done. */
  async idle(): Promise<void> {
    while (this.#timer || this.#due.size > 0) {
      if (this.#timer) {
        clearTimeout(this.#timer);
        this.#timer = undefined;
      }
      await this.#run();
    }
    await this.#running;
  }

  #run(): Promise<void> {
    this.#running = this.#running.then(async () => {
      const workspaces = [...this.#due];
      this.#due.clear();
      const started = performance.now();
      for (const workspaceId of workspaces) {
        try {
          const changes = await refreshSegments(this.context, workspaceId);
          await afterSegmentRefresh(this.context, workspaceId, changes);
        } catch (error) {
          this.onError(error);
        }
      }
      this.#cooldownUntil = performance.now() + COOLDOWN_FACTOR * (performance.now() - started);
    });
    return this.#running;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#due.clear();
    await this.#running;
  }
}
