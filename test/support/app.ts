import type { Hono } from 'hono';
import { createApp } from '../../src/api/app.js';
import type { EngineContext } from '../../src/engine/context.js';
import { Ingestion } from '../../src/engine/ingest.js';
import type { Store } from '../../src/store/store.js';
import { openTestStore, type TestDatabase } from './databases.js';
import { TestClock, testContext } from './context.js';

export interface TestApp {
  store: Store;
  context: EngineContext;
  clock: TestClock;
  app: Hono;
  close(): Promise<void>;
}

/** The whole HTTP app in-process over a test database: tests call `app.request(...)`, no port. */
export async function openTestApp(database: TestDatabase): Promise<TestApp> {
  const store = await openTestStore(database);
  const clock = new TestClock();
  const context = testContext(store, clock);
  const ingestion = new Ingestion(context);
  const app = createApp(context, ingestion);
  return {
    store,
    context,
    clock,
    app,
    close: async () => {
      await ingestion.queue.flush();
      await store.close();
    },
  };
}

export function post(app: Hono, path: string, body: unknown, headers: Record<string, string>) {
  return app.request(path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers });
}
