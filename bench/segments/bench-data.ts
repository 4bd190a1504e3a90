import { performance } from 'node:perf_hooks';
import { demoAccountCount } from '../../src/core/demo/generate-demo.js';
import type { Clock, EngineContext } from '../../src/engine/context.js';
import { ensureDemoTeam } from '../../src/engine/demo/demo-team.js';
import { DEMO_LOGIN, loadDemo } from '../../src/engine/demo/load-demo.js';
import { advancePhases } from '../../src/engine/models/advance-phases.js';
import { assignModels } from '../../src/engine/models/assign-models.js';
import { escalateAccounts } from '../../src/engine/models/escalate-accounts.js';
import { randomIds } from '../../src/engine/system-context.js';
import type { Store } from '../../src/store/store.js';
import { DEFAULT_WORKSPACE_ID } from '../../src/store/workspaces.js';
import { BENCH_SEGMENTS } from './bench-segments.js';

export const WORKSPACE_ID = DEFAULT_WORKSPACE_ID;

/** A clock the benchmark can stop: frozen, full evaluations of every round see the same moment. */
export class BenchClock implements Clock {
  #frozen: number | undefined;
  now(): number {
    return this.#frozen ?? Date.now();
  }
  freeze(at: number): void {
    this.#frozen = at;
  }
  run(): void {
    this.#frozen = undefined;
  }
}

export interface LoadedData {
  accounts: number;
  contacts: number;
  events: number;
  seconds: number;
}

/** The demo's seed: every run loads the same data. */
export const BENCH_SEED = 1;

/** The demo's size: accounts (`scale`), and multipliers of people per account and of their product use. */
export interface BenchShape {
  scale: number;
  activity: number;
  people: number;
}

/**
 * Loads the deterministic demo of this shape, ending at `end`, into the store's default
 * workspace through the same validation and write path as any import. Prints progress: at
 * large scales this takes minutes.
 */
export async function loadBenchData(context: EngineContext, shape: BenchShape, end: number, log: (line: string) => void): Promise<LoadedData> {
  const { scale, activity, people } = shape;
  const { store } = context;
  await store.workspaces.ensure(WORKSPACE_ID, 'Default workspace', context.clock.now());
  const started = performance.now();
  let lastReport = started;
  log(`  loading the demo at scale ${scale}, activity ${activity}, people ${people} (${demoAccountCount(scale).toLocaleString('en-US')} accounts)...`);
  const summary = await loadDemo(context, WORKSPACE_ID, {
    seed: BENCH_SEED,
    scale,
    activity,
    people,
    end,
    onProgress: (written) => {
      const at = performance.now();
      if (at - lastReport < 15_000) return;
      lastReport = at;
      log(`    ${written.toLocaleString('en-US')} events stored, ${Math.round(written / ((at - started) / 1000)).toLocaleString('en-US')} events/s`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const contacts = await countRows(store, 'contacts');
  log(`  loaded ${summary.accounts.toLocaleString('en-US')} accounts, ${contacts.toLocaleString('en-US')} contacts, ${summary.events.toLocaleString('en-US')} events in ${Math.round(seconds)} s (${Math.round(summary.events / seconds).toLocaleString('en-US')} events/s)`);
  return { accounts: summary.accounts, contacts, events: summary.events, seconds };
}

/** Stores the 50 benchmark segments as the workspace's own definitions. */
export async function saveBenchSegments(context: EngineContext): Promise<void> {
  await context.store.definitions.saveAll(WORKSPACE_ID, BENCH_SEGMENTS.map((spec) => ({ kind: 'Segment' as const, spec })), 'bench', context.clock.now());
}

/**
 * What a demo server has besides the data, once memberships are stored: the team, every
 * account's engagement model, phases and escalations. After each refresh a running server
 * follows up on them (`afterSegmentRefresh`), so the latency is measured with them in place.
 */
export async function prepareModels(context: EngineContext, scale: number, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  await ensureDemoTeam(context, WORKSPACE_ID, { scale, loginEmail: DEMO_LOGIN.email });
  const assigned = await assignModels(context, WORKSPACE_ID, 'bench');
  await advancePhases(context, WORKSPACE_ID, 'bench');
  await escalateAccounts(context, WORKSPACE_ID);
  log(`  engagement models assigned to ${assigned.accounts.toLocaleString('en-US')} accounts, phases and escalations applied: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Contacts after identity resolution, not user ids seen: what segments evaluate. */
async function countRows(store: Store, table: 'contacts'): Promise<number> {
  const row = await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', WORKSPACE_ID).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A context over the store with the benchmark's clock and random ids. */
export function benchContext(store: Store, clock: Clock): EngineContext {
  return { store, clock, ids: randomIds };
}
