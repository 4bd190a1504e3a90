import { unauthorized } from '../core/errors.js';
import type { TouchedSubjects } from '../store/ingest/write-messages.js';
import type { EngineContext } from './context.js';
import { IngestQueue } from './ingest-queue.js';

const WRITE_KEY_CACHE_MS = 30_000;

/**
 * Ingestion: write keys to workspaces, and the group-commit queue that stores messages.
 * One per process; the API hands validated messages to `queue.submit`.
 */
export class Ingestion implements AsyncDisposable {
  readonly queue: IngestQueue;
  readonly #workspaceOfKey = new Map<string, { workspaceId: string; until: number }>();

  constructor(
    private readonly context: EngineContext,
    /** Told after each commit which contacts and accounts it changed. */
    afterWrite?: (workspaceId: string, touched: TouchedSubjects) => void,
  ) {
    this.queue = new IngestQueue(context.store, () => context.ids.id(), afterWrite);
  }

  /** The workspace a write key opens; throws `unauthorized` for an unknown key. */
  async workspaceOfWriteKey(writeKey: string | undefined): Promise<string> {
    if (!writeKey) throw unauthorized('a write key is required: send it as the Basic auth user name or as writeKey in the body');
    const now = this.context.clock.now();
    const cached = this.#workspaceOfKey.get(writeKey);
    if (cached && cached.until > now) return cached.workspaceId;
    const workspaceId = await this.context.store.workspaces.findByWriteKey(writeKey);
    if (!workspaceId) throw unauthorized('unknown write key');
    this.#workspaceOfKey.set(writeKey, { workspaceId, until: now + WRITE_KEY_CACHE_MS });
    return workspaceId;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.queue.flush();
  }
}
