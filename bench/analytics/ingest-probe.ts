import type { EngineContext } from '../../src/engine/context.js';
import { startServer, type RunningServer } from '../../src/cli/serve.js';

/**
 * Ingestion while analytics run: `touchpoint serve` in this process, over the benchmark's
 * store, takes `POST /v1/track` at a steady rate into a workspace of its own (so the measured
 * data stays as loaded). The analytics queries run in the same process, as the dashboard's do
 * in the server, so whatever they hold the event loop for shows as ingestion latency. A
 * request's latency runs from when it was due, not from when it could be sent: requests due
 * while the event loop was held go out late, and count the wait.
 */
export class IngestProbe implements AsyncDisposable {
  readonly latencies: number[] = [];
  #timer: NodeJS.Timeout | undefined;
  readonly #inFlight = new Set<Promise<void>>();
  readonly #started = performance.now();
  readonly #intervalMs: number;
  #sent = 0;
  failures = 0;

  private constructor(
    private readonly server: RunningServer,
    private readonly authorization: string,
    perSecond: number,
  ) {
    this.#intervalMs = 1000 / perSecond;
    this.#schedule();
  }

  #due(n: number): number {
    return this.#started + (n + 1) * this.#intervalMs;
  }

  /** A timer for the next request's due time: the timer's own lag stays out of the figures. */
  #schedule(): void {
    this.#timer = setTimeout(() => {
      this.#sendDue();
      this.#schedule();
    }, Math.max(0, this.#due(this.#sent) - performance.now()));
  }

  /** Sends every request due by now. */
  #sendDue(): void {
    const now = performance.now();
    while (this.#due(this.#sent) <= now) this.#send(this.#due(this.#sent));
  }

  static async start(context: EngineContext, perSecond: number): Promise<IngestProbe> {
    const workspaceId = 'bench-ingest';
    await context.store.workspaces.ensure(workspaceId, 'Ingestion probe', context.clock.now());
    const { writeKey } = await context.store.workspaces.ensureKeys(workspaceId, context.ids.secret, context.clock.now());
    const server = await startServer(context, { port: 0, journeys: null });
    return new IngestProbe(server, 'Basic ' + Buffer.from(`${writeKey}:`).toString('base64'), perSecond);
  }

  #send(due: number): void {
    const n = this.#sent++;
    const started = due;
    const body = JSON.stringify({ userId: `probe-${n % 500}`, event: 'Probe Sent', properties: { n }, messageId: `probe-${process.pid}-${Date.now()}-${n}` });
    const request = fetch(`${this.server.url}/v1/track`, { method: 'POST', headers: { authorization: this.authorization, 'content-type': 'application/json' }, body })
      .then(async (response) => {
        await response.arrayBuffer();
        if (response.status === 200) this.latencies.push(performance.now() - started);
        else this.failures++;
      })
      .catch(() => {
        this.failures++;
      })
      .finally(() => this.#inFlight.delete(request));
    this.#inFlight.add(request);
  }

  /** Stops sending; the latencies of requests already sent are kept once they are answered. */
  async stop(): Promise<void> {
    this.#sendDue();
    clearTimeout(this.#timer);
    await Promise.all(this.#inFlight);
  }

  /** Starts keeping latencies afresh. */
  reset(): void {
    this.latencies.length = 0;
    this.failures = 0;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
    await this.server.close();
  }
}

/** The longest the event loop went without running a 5 ms timer, less the 5 ms, since `reset`. */
export class StallMonitor {
  longest = 0;
  #last = performance.now();
  readonly #timer = setInterval(() => {
    const now = performance.now();
    this.longest = Math.max(this.longest, now - this.#last - 5);
    this.#last = now;
  }, 5);

  reset(): void {
    this.longest = 0;
    this.#last = performance.now();
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
