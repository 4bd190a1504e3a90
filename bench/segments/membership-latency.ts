import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { seededRandom, type Random } from '../../src/core/demo/random.js';
import { parseSegmentMessage, type SegmentMessage } from '../../src/core/segment-messages.js';
import type { EngineContext } from '../../src/engine/context.js';
import { Ingestion } from '../../src/engine/ingest.js';
import { describeRefresh, SegmentRefresher } from '../../src/engine/segments/segment-refresher.js';
import type { BenchDatabase } from './bench-databases.js';
import { WORKSPACE_ID } from './bench-data.js';

/** The segment a probe moves its contact into: a survey answer of 3 makes a detractor. */
const PROBE_SEGMENT = 'detractors';
/** Ordinary events a second flowing in beside the probes, as 1-event requests every 50 ms. */
const BACKGROUND_PER_SECOND = 200;
const BACKGROUND_TICK_MS = 50;
/** Mean gap between probes; each gap is drawn uniformly from 0 to twice this. */
const PROBE_GAP_MS = 500;
const POLL_MS = 5;
/** A probe not seen in its segment by then counts as missing. */
const PROBE_TIMEOUT_MS = 60_000;
/** As `touchpoint serve`: the scheduler's tick re-evaluates time-dependent segments every minute. */
const TICK_MS = 60_000;

export interface MembershipLatency {
  /** The refresher's first refresh in this process: every segment over every subject. */
  warmSeconds: number;
  /** From the committed write of each probe to its membership row, milliseconds. */
  latencies: number[];
  missing: number;
  /** How long each of the scheduler's ticks took while the probes ran, milliseconds. */
  ticks: number[];
  /** Background events written while the probes ran, and over how long. */
  background: { events: number; seconds: number };
}

interface Subject {
  contactId: string;
  userId: string;
  groupId: string;
}

/**
 * Event-to-membership delay, as `touchpoint serve` wires it: ingestion's group commit tells a
 * `SegmentRefresher` which subjects it touched; 200 ms later every segment re-evaluates them.
 * While ordinary events flow in the background, probes are sent at random moments, each the
 * first `Survey Responded` with a score of 3 from a contact not yet a detractor. The delay is
 * measured from the moment the ingestion call returns (the write is committed) until the
 * contact's row in `segment_members` can be read on a separate connection, polled every 5 ms.
 */
export async function measureMembershipLatency(database: BenchDatabase, context: EngineContext, probes: number, log: (line: string) => void): Promise<MembershipLatency> {
  const failures: unknown[] = [];
  // Every tick, and every write's refresh slower than a second, is logged with what it re-evaluated.
  const refresher = new SegmentRefresher(context, {
    onError: (error) => failures.push(error),
    onRefreshed: (report) => {
      if (report.tick || report.ms.scope + report.ms.memberships + report.ms.followUp > 1000) log(`    ${describeRefresh(report)}`);
    },
  });
  const ingestion = new Ingestion(context, (workspaceId, touched) => refresher.written(workspaceId, touched));
  const random = seededRandom(7, probes);

  const warmStarted = performance.now();
  await refresher.tick([WORKSPACE_ID]);
  const warmSeconds = (performance.now() - warmStarted) / 1000;
  log(`  the refresher's first refresh (every segment, every subject, then the models' follow-up): ${warmSeconds.toFixed(1)} s`);
  const ticks: number[] = [];
  const tick = setInterval(() => {
    const started = performance.now();
    void refresher.tick([WORKSPACE_ID]).then(() => ticks.push(performance.now() - started));
  }, TICK_MS);

  const subjects = shuffle(await probeCandidates(context), random);
  if (subjects.length < probes + 1) throw new Error(`only ${subjects.length} contacts can be probed; ask for fewer events`);
  const background = startBackground(ingestion, subjects.slice(probes, probes + 2_000), random);

  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let sending = true;
  const polling = (async () => {
    while (sending || sentAt.size > 0) {
      await sleep(POLL_MS);
      if (sentAt.size === 0) continue;
      const seen = await database.query(...membershipQuery(context, [...sentAt.keys()]));
      const at = performance.now();
      for (const row of seen) {
        const id = row['subject_id'] as string;
        latencies.push(at - sentAt.get(id)!);
        sentAt.delete(id);
      }
      for (const [id, sent] of sentAt) if (at - sent > PROBE_TIMEOUT_MS) sentAt.delete(id);
    }
  })();

  try {
    for (const [n, subject] of subjects.slice(0, probes).entries()) {
      await sleep(random.next() * 2 * PROBE_GAP_MS);
      await ingestion.queue.submit(WORKSPACE_ID, [probeMessage(subject)]);
      sentAt.set(subject.contactId, performance.now());
      if ((n + 1) % 50 === 0) log(`    ${n + 1} probes sent, ${latencies.length} seen in ${PROBE_SEGMENT}`);
    }
  } finally {
    sending = false;
    await polling;
    clearInterval(tick);
    await background.stop();
    await refresher[Symbol.asyncDispose]();
  }
  if (failures.length > 0) throw new Error(`segment refresh failed during the measurement: ${String(failures[0])}`);
  return { warmSeconds, latencies, missing: probes - latencies.length, ticks, background: background.written() };
}

/** Contacts with a user id and an account that are not detractors yet, in a stable order. */
async function probeCandidates(context: EngineContext): Promise<Subject[]> {
  const rows = await context.store.db
    .selectFrom('contact_identities as ci')
    .innerJoin('memberships as m', (join) => join.onRef('m.workspace_id', '=', 'ci.workspace_id').onRef('m.contact_id', '=', 'ci.contact_id'))
    .select(['ci.contact_id as contactId', 'ci.value as userId', 'm.group_id as groupId'])
    .where('ci.workspace_id', '=', WORKSPACE_ID)
    .where('ci.kind', '=', 'user')
    .where('ci.contact_id', 'not in', (eb) => eb.selectFrom('segment_members').select('subject_id').where('workspace_id', '=', WORKSPACE_ID).where('segment_id', '=', PROBE_SEGMENT))
    .execute();
  const byContact = new Map<string, Subject>();
  for (const row of rows) if (!byContact.has(row.contactId)) byContact.set(row.contactId, row);
  return [...byContact.values()].sort((a, b) => (a.contactId < b.contactId ? -1 : 1));
}

/** Which of the contacts are stored members of the probe segment: SQL text and parameters for the driver. */
function membershipQuery(context: EngineContext, contactIds: readonly string[]): [string, readonly unknown[]] {
  const query = context.store.db
    .selectFrom('segment_members')
    .select('subject_id')
    .where('workspace_id', '=', WORKSPACE_ID)
    .where('segment_id', '=', PROBE_SEGMENT)
    .where('subject_id', 'in', contactIds)
    .compile();
  return [query.sql, query.parameters];
}

function probeMessage(subject: Subject): SegmentMessage {
  return parse({
    type: 'track',
    event: 'Survey Responded',
    userId: subject.userId,
    properties: { survey: 'NPS', score: 3, sentiment: 'negative' },
    context: { groupId: subject.groupId },
  });
}

const BACKGROUND_EVENTS: readonly [string, Record<string, unknown>][] = [
  ['Feature Used', { feature: 'Dashboards' }],
  ['Dashboard Viewed', { dashboard: 'Revenue' }],
  ['Signed In', { method: 'sso' }],
  ['Report Exported', { format: 'pdf' }],
];

/**
 * Ordinary product usage from many contacts, each event its own submission, as `/v1/track`
 * requests are. The rate is kept over time: when the process was busy (on SQLite a refresh
 * holds it), the events that were due meanwhile are submitted at once, as clients would
 * have sent them anyway.
 */
function startBackground(ingestion: Ingestion, subjects: readonly Subject[], random: Random): { stop(): Promise<void>; written(): { events: number; seconds: number } } {
  const started = performance.now();
  let stopped: number | undefined;
  let submitted = 0;
  let events = 0;
  const writes = new Set<Promise<void>>();
  let failure: unknown;
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * BACKGROUND_PER_SECOND) - submitted;
    for (let i = 0; i < due; i++, submitted++) {
      const subject = random.pick(subjects);
      const [event, properties] = random.pick(BACKGROUND_EVENTS);
      const write = ingestion.queue
        .submit(WORKSPACE_ID, [parse({ type: 'track', event, userId: subject.userId, properties, context: { groupId: subject.groupId } })])
        .then(() => void events++, (error: unknown) => void (failure ??= error))
        .finally(() => writes.delete(write));
      writes.add(write);
    }
  }, BACKGROUND_TICK_MS);
  return {
    async stop() {
      clearInterval(timer);
      stopped = performance.now();
      await Promise.all(writes);
      if (failure) throw failure;
    },
    written: () => ({ events, seconds: ((stopped ?? performance.now()) - started) / 1000 }),
  };
}

function parse(raw: Record<string, unknown>): SegmentMessage {
  const now = Date.now();
  const result = parseSegmentMessage({ ...raw, messageId: randomUUID(), timestamp: new Date(now).toISOString() }, { receivedAt: now, newMessageId: randomUUID });
  if (!result.ok) throw new Error(`invalid benchmark message: ${JSON.stringify(result.issues)}`);
  return result.message;
}

function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
