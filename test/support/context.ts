import { randomUUID } from 'node:crypto';
import type { Clock, EngineContext } from '../../src/engine/context.js';
import type { Store } from '../../src/store/store.js';

/** A clock that tests move by hand; no test waits on real time. */
export class TestClock implements Clock {
  constructor(private time = Date.UTC(2026, 0, 15, 12)) {}
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
  set(ms: number): void {
    this.time = ms;
  }
}

export function testContext(store: Store, clock: Clock = new TestClock()): EngineContext {
  let n = 0;
  return {
    store,
    clock,
    ids: { id: () => randomUUID(), secret: (prefix) => `${prefix}${randomUUID().replaceAll('-', '')}${++n}` },
  };
}

/** A workspace with a write key and an API token, for API tests. */
export async function testWorkspace(context: EngineContext, workspaceId: string) {
  await context.store.workspaces.ensure(workspaceId, workspaceId, context.clock.now());
  const keys = await context.store.workspaces.ensureKeys(workspaceId, context.ids.secret, context.clock.now());
  const basic = 'Basic ' + Buffer.from(`${keys.writeKey}:`).toString('base64');
  return { workspaceId, ...keys, ingestHeaders: { authorization: basic, 'content-type': 'application/json' }, apiHeaders: { authorization: `Bearer ${keys.apiToken}` } };
}
