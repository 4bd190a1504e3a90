import { generateDemo, type DemoOptions, type RawMessage } from '../../core/demo/generate-demo.js';
import { parseSegmentMessage, type SegmentMessage } from '../../core/segment-messages.js';
import type { EngineContext } from '../context.js';
import { StatisticsSchedule } from '../import/statistics-schedule.js';
import { playDemoHistory } from './demo-history.js';
import { ensureDemoTeam } from './demo-team.js';
import { addUser } from '../users.js';

/** The login of the demo's team member; printed wherever the demo is loaded. */
export const DEMO_LOGIN = { email: 'demo@touchpoint.local', password: 'touchpoint-demo' } as const;

const CHUNK_SIZE = 2000;

export interface DemoSummary {
  accounts: number;
  contacts: number;
  /** Messages generated (every one is an event in the store). */
  events: number;
  /** Of those, newly stored; the rest were there already (the same demo loaded before). */
  stored: number;
}

export interface DemoLoadOptions extends Partial<DemoOptions> {
  /** Called after each chunk is written, with the messages written so far. */
  onProgress?: (written: number) => void;
}

/**
 * Generates the demo and stores it through the same validation as real data. Loading the
 * same seed and end twice stores nothing twice (message ids repeat).
 */
export async function loadDemo(context: EngineContext, workspaceId: string, options: DemoLoadOptions = {}): Promise<DemoSummary> {
  const demo: DemoOptions = { seed: options.seed ?? 1, scale: options.scale ?? 1, end: options.end ?? context.clock.now(), activity: options.activity ?? 1, people: options.people ?? 1 };
  const groupIds = new Set<string>();
  const userIds = new Set<string>();
  const summary: DemoSummary = { accounts: 0, contacts: 0, events: 0, stored: 0 };
  let chunk: SegmentMessage[] = [];
  const statistics = new StatisticsSchedule(context.store);
  const flush = async () => {
    const result = await context.store.writeMessages(workspaceId, chunk, context.ids.id);
    summary.stored += result.stored;
    chunk = [];
    await statistics.afterChunk();
    options.onProgress?.(summary.events);
  };
  for (const raw of generateDemo(demo)) {
    const message = parseDemoMessage(raw, context);
    if (message.groupId) groupIds.add(message.groupId);
    if (message.userId) userIds.add(message.userId);
    chunk.push(message);
    summary.events++;
    if (chunk.length >= CHUNK_SIZE) await flush();
  }
  if (chunk.length > 0) await flush();
  await statistics.atEnd();
  return { ...summary, accounts: groupIds.size, contacts: userIds.size };
}

/** Adds (or resets) the demo's admin login; returns its credentials. */
export async function ensureDemoUser(context: EngineContext, workspaceId: string): Promise<typeof DEMO_LOGIN> {
  await addUser(context, { workspaceId, ...DEMO_LOGIN, role: 'admin', name: 'Demo Admin' });
  return DEMO_LOGIN;
}

/**
 * Loads the demo data set (seed 1; scale 1 unless told) into an empty workspace and adds the
 * demo login; does nothing if the workspace has accounts.
 */
export async function loadDemoIfEmpty(context: EngineContext, workspaceId: string, options: { log: (line: string) => void; scale?: number }): Promise<void> {
  const { total } = await context.store.accounts.list(workspaceId, { limit: 1, offset: 0 });
  if (total > 0) return;
  const scale = options.scale ?? 1;
  options.log(`loading demo data (seed 1, scale ${scale}) into the empty workspace...`);
  const summary = await loadDemo(context, workspaceId, { seed: 1, scale });
  options.log(describeDemo(summary));
  const login = await prepareDemoWorkspace(context, workspaceId, { scale, log: options.log });
  options.log(`demo login: ${login.email} / ${login.password}`);
}

/** How many weeks of engagement-model history the demo lives through before today. */
const DEMO_HISTORY_WEEKS = 8;

/**
 * What makes loaded demo data a working workspace: the demo team, then eight weeks of
 * Touchpoint at work (segment memberships, engagement models with owners and tasks, phases,
 * escalations, the team's completed and overdue work), and the demo login.
 */
export async function prepareDemoWorkspace(context: EngineContext, workspaceId: string, options: { scale: number; seed?: number; log: (line: string) => void }): Promise<typeof DEMO_LOGIN> {
  await ensureDemoTeam(context, workspaceId, { scale: options.scale, loginEmail: DEMO_LOGIN.email });
  options.log(describeAssignment(await playDemoHistory(context, workspaceId, { seed: options.seed ?? 1, weeks: DEMO_HISTORY_WEEKS })));
  const escalated = await context.store.escalations.list(workspaceId);
  if (escalated.size > 0) options.log(`escalations: ${escalated.size} accounts are held in more hands-on models`);
  return ensureDemoUser(context, workspaceId);
}

export function describeDemo(summary: DemoSummary): string {
  const n = (value: number) => value.toLocaleString('en-US');
  return `demo data: ${n(summary.accounts)} accounts, ${n(summary.contacts)} contacts, ${n(summary.events)} events (${n(summary.stored)} newly stored)`;
}

/** Demo messages are stored as if received when they happened, so profiles look lived-in. */
function parseDemoMessage(raw: RawMessage, context: EngineContext): SegmentMessage {
  const result = parseSegmentMessage(raw, { receivedAt: Date.parse(raw['timestamp'] as string), newMessageId: context.ids.id });
  if (!result.ok) throw new Error(`demo generated an invalid message: ${JSON.stringify(result.issues)}`);
  return result.message;
}

export function describeAssignment(summary: { accounts: number; perModel: Record<string, number> }): string {
  const models = Object.entries(summary.perModel).sort(([a], [b]) => (a < b ? -1 : 1)).map(([model, n]) => `${model} ${n}`).join(', ');
  return `engagement models: ${summary.accounts.toLocaleString('en-US')} accounts assigned (${models})`;
}
