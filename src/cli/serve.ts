import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from '../api/app.js';
import type { EngineContext } from '../engine/context.js';
import { Ingestion } from '../engine/ingest.js';
import { openEmailSender, type ChannelConfig } from '../engine/channels/email-channel.js';
import { describeRefresh, SegmentRefresher } from '../engine/segments/segment-refresher.js';
import { startJourneyWork } from './journey-work.js';
import { storeOutbox } from '../engine/channels/store-outbox.js';
import { packageRoot } from './wiring.js';

/** How often segments are re-evaluated for conditions on time alone ("no login for 14 days"). */
const SEGMENT_TICK_MS = 60_000;
/** A segment refresh slower than this is logged with what it re-evaluated. */
const SLOW_REFRESH_MS = 5_000;

export interface RunningServer extends AsyncDisposable {
  url: string;
  /** Keeps segment memberships current; `idle()` waits for pending refreshes. */
  segments: SegmentRefresher;
  close(): Promise<void>;
}

/**
 * Starts the HTTP server over an opened context; `close` stops taking requests, then flushes.
 * `channels` are the e-mail settings a template's test send uses (the outbox without them).
 * With `journeys` (the same settings) the process also runs journey work, as `touchpoint worker` does.
 */
export async function startServer(context: EngineContext, options: { port: number; host?: string; channels?: ChannelConfig; journeys?: ChannelConfig | null }): Promise<RunningServer> {
  const segments = new SegmentRefresher(context, {
    onRefreshed: (report) => {
      if (report.ms.scope + report.ms.memberships + report.ms.followUp > SLOW_REFRESH_MS) console.warn(`slow segment refresh: ${describeRefresh(report)}`);
    },
  });
  const ingestion = new Ingestion(context, (workspaceId, touched) => segments.written(workspaceId, touched));
  const tick = setInterval(() => {
    void context.store.workspaces.list().then((all) => segments.tick(all.map((w) => w.id)));
  }, SEGMENT_TICK_MS);
  tick.unref();
  const testSends = options.channels ? openEmailSender(options.channels, storeOutbox(context.store, context.clock)) : undefined;
  const app = createApp(context, ingestion, { webRoot: join(packageRoot(), 'web', 'dist'), ...(testSends ? { email: testSends } : {}) });
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host ?? '127.0.0.1' }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const journeys = options.journeys ? startJourneyWork(context, options.journeys) : null;
  const close = async () => {
    clearInterval(tick);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await ingestion.queue.flush();
    await segments[Symbol.asyncDispose]();
    await journeys?.[Symbol.asyncDispose]();
    await testSends?.[Symbol.asyncDispose]();
  };
  return { url: `http://${options.host && options.host !== '0.0.0.0' ? options.host : 'localhost'}:${port}`, segments, close, [Symbol.asyncDispose]: close };
}
