import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from '../api/app.js';
import type { EngineContext } from '../engine/context.js';
import { Ingestion } from '../engine/ingest.js';
import { packageRoot } from './wiring.js';

export interface RunningServer extends AsyncDisposable {
  url: string;
  close(): Promise<void>;
}

/** Starts the HTTP server over an opened context; `close` stops taking requests, then flushes. */
export async function startServer(context: EngineContext, options: { port: number; host?: string }): Promise<RunningServer> {
  const ingestion = new Ingestion(context);
  const app = createApp(context, ingestion, { webRoot: join(packageRoot(), 'web', 'dist') });
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host ?? '127.0.0.1' }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const close = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await ingestion.queue.flush();
  };
  return { url: `http://${options.host && options.host !== '0.0.0.0' ? options.host : 'localhost'}:${port}`, close, [Symbol.asyncDispose]: close };
}
