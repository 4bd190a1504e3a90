/**
 * Messages a performer is sending right now, per workspace: not logged yet, so a rate limit
 * counts them beside the logged ones, and effects performed side by side stay within it.
 * Check and `reserve` with no `await` in between, so that no other send slips between them.
 */
export class SendsInFlight {
  readonly #sending = new Map<string, number>();

  count(workspaceId: string): number {
    return this.#sending.get(workspaceId) ?? 0;
  }

  /** Counts one more send until the returned release is called. */
  reserve(workspaceId: string): () => void {
    this.#sending.set(workspaceId, this.count(workspaceId) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#sending.set(workspaceId, this.count(workspaceId) - 1);
    };
  }
}
