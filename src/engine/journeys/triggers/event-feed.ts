import { setTimeout as sleep } from 'node:timers/promises';
import { eventMatches } from '../../../core/journeys/advance-journey.js';
import type { JourneyDefinition } from '../../../core/journeys/journey-definition.js';
import { listenedEventNames } from '../../../core/journeys/listened-events.js';
import type { FedEvent, FeedHorizon } from '../../../store/journeys/journey-feed.js';
import type { JourneyRun, JourneySubjectRef } from '../../../store/journeys/journey-runs.js';
import type { EngineContext } from '../../context.js';
import { advanceRun } from '../advance-run.js';
import { activeJourneys } from '../journey-status.js';
import { lookupAmong } from '../journeys-in-force.js';
import { startJourneyRuns, type RunStart } from '../start-journey-run.js';

export interface FeedOptions {
  /** Defaults to the context's clock. */
  now?: number;
  /** Events read per workspace and pass. */
  batchSize?: number;
  /** Only these workspaces; when absent, every workspace with a journey stored or activated, or a cursor. */
  workspaceIds?: readonly string[];
  /** How long a claimed cursor is held: longer than a batch takes. A feeder that dies releases it this late. */
  leaseMs?: number;
}

/** What one pass of the feed did. */
export interface FeedPass {
  /** Track events read and delivered: those of a name some active journey listens for. */
  events: number;
  /** Runs started by an event trigger. */
  started: number;
  /** Runs an event moved on (a wait continued, a goal converted). */
  advanced: number;
  /**
   * Whether every workspace served was read through its newest event. False when a batch was
   * full, a cursor was held by another feeder, or event writes under way keep the horizon
   * from being read yet: another pass will find more.
   */
  caughtUp: boolean;
  /** Whether a workspace waited for event writes under way (PostgreSQL): they commit within moments, so looking again soon pays. */
  awaitingWriters: boolean;
}

/**
 * Delivers new track events to journeys, per workspace: claims the workspace's cursor, reads
 * the next batch of events after it, and for each event, in id order, delivers it to the
 * subject's active runs (`{ kind: 'goal' }` when it is the journey's goal, else
 * `{ kind: 'event' }`, which a run waiting for it continues on) and then starts runs of the
 * journeys it triggers; then moves the cursor. The starts of a batch are stored together,
 * in one transaction (sooner when a later event of the batch is for the same subject).
 *
 * Delivery is at least once: the runs are advanced (each in its own transaction) before the
 * cursor moves, so a feeder dying in between leaves the cursor behind, and the batch is read
 * again by the next claim once the lease has run out. Re-delivery is harmless: a start is
 * refused while the subject's run is active or by the entry rule, and a restart under
 * `againAfter` is refused when a run was already started by that very event; a goal or an exit
 * for an ended run changes nothing; an event changes nothing for a run no longer waiting for
 * it. The one exception: a run that, between the two deliveries, came to wait for an event of
 * the same name again would take the re-delivered one.
 */
export async function feedJourneys(context: EngineContext, options: FeedOptions = {}): Promise<FeedPass> {
  const feed = context.store.journeys.triggers.feed;
  const workspaceIds = options.workspaceIds ?? (await feed.workspaces());
  const pass: FeedPass = { events: 0, started: 0, advanced: 0, caughtUp: true, awaitingWriters: false };
  for (const workspaceId of workspaceIds) {
    const now = options.now ?? context.clock.now();
    const claim = await feed.claim(workspaceId, now, options.leaseMs ?? 60_000);
    if (!claim) {
      pass.caughtUp = false;
      continue;
    }
    let horizon: FeedHorizon = claim.horizon && claim.horizon.id > claim.position ? claim.horizon : await feed.horizon(workspaceId);
    if ((await feed.stillWriting(horizon.writers)).length > 0) {
      // Some event below the horizon may not be committed yet: read nothing, look again next pass.
      await feed.release(claim, claim.position, horizon, now);
      pass.caughtUp = false;
      pass.awaitingWriters = true;
      continue;
    }
    horizon = { id: horizon.id, writers: [] };
    const journeys = await activeJourneys(context, workspaceId);
    const limit = options.batchSize ?? 100;
    // Without active journeys nothing listens: the cursor skips ahead, and a journey made later starts from then.
    // Only events of a name some journey listens for are read: the rest (most of them, such as each message's own event) could change nothing.
    const events = journeys.length > 0 ? await feed.events(workspaceId, claim.position, horizon.id, limit, [...listenedEventNames(journeys)]) : [];
    const starts = new PendingStarts(context, workspaceId);
    const runs = await ActiveRuns.of(context, workspaceId, events);
    for (const event of events) {
      const done = await deliver(context, workspaceId, journeys, event, starts, runs);
      pass.advanced += done.advanced;
    }
    pass.started += await starts.flush();
    pass.events += events.length;
    const full = events.length === limit;
    const position = full ? events[events.length - 1]!.id : horizon.id;
    if (full) pass.caughtUp = false;
    await feed.release(claim, position, position < horizon.id ? horizon : null, options.now ?? context.clock.now());
  }
  return pass;
}

/** How long one worker pass may keep feeding events to journeys before it turns to due runs and effects. */
const FEED_BUDGET_MS = 250;
/** How long to wait before looking again at event writes that were under way. */
const WRITERS_WAIT_MS = 5;

/**
 * Feeds events to journeys until caught up, within `FEED_BUDGET_MS` of real time (not the
 * engine's clock, which a benchmark or test may move): a backlog of events then starts its runs
 * at the feed's pace rather than one batch per worker pass, which also performs effects. Event
 * writes under way (PostgreSQL) are waited for briefly, since they commit within moments; a
 * cursor another worker holds ends the feeding, as that worker is feeding.
 */
export async function feedWhileBehind(context: EngineContext): Promise<number> {
  const until = performance.now() + FEED_BUDGET_MS;
  let fed = 0;
  for (;;) {
    const pass = await feedJourneys(context);
    fed += pass.events;
    if (pass.caughtUp || performance.now() >= until) return fed;
    if (pass.awaitingWriters) await sleep(WRITERS_WAIT_MS);
    else if (pass.events === 0) return fed;
  }
}

/**
 * Starts asked for by a batch of events, stored together: before an event of a subject with
 * starts pending is delivered, they are stored, so that it reaches the runs they start and a
 * second start for the subject sees the first.
 */
class PendingStarts {
  readonly #starts: RunStart[] = [];
  readonly #subjects = new Set<string>();
  #started = 0;

  constructor(
    private readonly context: EngineContext,
    private readonly workspaceId: string,
  ) {}

  /** Stores the pending starts first if one is for a subject of the event. */
  async before(subjects: readonly JourneySubjectRef[]): Promise<void> {
    if (subjects.some((s) => this.#subjects.has(subjectKey(s)))) await this.flush();
  }

  add(start: RunStart): void {
    this.#starts.push(start);
    this.#subjects.add(subjectKey(start.subject));
  }

  /** Stores what is pending; returns how many runs were started in all. */
  async flush(): Promise<number> {
    if (this.#starts.length > 0) {
      const results = await startJourneyRuns(this.context, this.workspaceId, this.#starts.splice(0));
      this.#started += results.filter((r) => r.started).length;
      this.#subjects.clear();
    }
    return this.#started;
  }
}

const subjectKey = (subject: JourneySubjectRef) => `${subject.kind}\u0000${subject.id}`;

const subjectsOf = (event: FedEvent): JourneySubjectRef[] => [
  ...(event.contactId ? [{ kind: 'contact' as const, id: event.contactId }] : []),
  ...(event.groupId ? [{ kind: 'account' as const, id: event.groupId }] : []),
];

/**
 * The active runs of a batch's subjects, read in one query before the batch is delivered. A
 * subject's runs are taken from that read once, for its first event; delivering that event
 * may advance or start its runs, so for a later event of the same subject they are read again.
 */
class ActiveRuns {
  readonly #first = new Map<string, JourneyRun[]>();

  private constructor(
    private readonly context: EngineContext,
    private readonly workspaceId: string,
  ) {}

  static async of(context: EngineContext, workspaceId: string, events: readonly FedEvent[]): Promise<ActiveRuns> {
    const runs = new ActiveRuns(context, workspaceId);
    const subjects = events.flatMap(subjectsOf);
    for (const subject of subjects) runs.#first.set(subjectKey(subject), []);
    if (subjects.length === 0) return runs;
    for (const run of await context.store.journeys.runs.activeOfAll(workspaceId, subjects)) runs.#first.get(subjectKey(run.subject))?.push(run);
    return runs;
  }

  async take(subject: JourneySubjectRef): Promise<JourneyRun[]> {
    const key = subjectKey(subject);
    const first = this.#first.get(key);
    if (first === undefined) return this.context.store.journeys.runs.activeOf(this.workspaceId, subject);
    this.#first.delete(key);
    return first;
  }
}

/** Delivers one event: to the subject's active runs first, then to the journeys it starts (pending in `starts`). */
async function deliver(context: EngineContext, workspaceId: string, journeys: readonly JourneyDefinition[], event: FedEvent, starts: PendingStarts, runs: ActiveRuns): Promise<{ advanced: number }> {
  const done = { advanced: 0 };
  const lookup = lookupAmong(journeys);
  const input = { name: event.name, properties: event.properties };
  const subjects = subjectsOf(event);
  await starts.before(subjects);
  for (const subject of subjects) {
    for (const run of await runs.take(subject)) {
      const journey = journeys.find((j) => j.id === run.journeyId);
      // A run of a paused journey waits for it; one of a journey no longer in force exits when its timer comes.
      if (!journey) continue;
      // Reaching the goal ends the run before the event could move it on.
      const reached = journey.goal !== undefined && eventMatches(journey.goal.event, input);
      const awaited = run.state.awaiting !== null && eventMatches(run.state.awaiting, input);
      if (!reached && !awaited) continue;
      const result = await advanceRun(context, workspaceId, run.id, reached ? { kind: 'goal' } : { kind: 'event', ...input }, lookup);
      if (result.changed) done.advanced++;
    }
    for (const journey of journeys) {
      if (journey.subject !== subject.kind || !('event' in journey.trigger) || !eventMatches(journey.trigger.event, input)) continue;
      if ('againAfter' in journey.entry && (await startedBy(context, workspaceId, journey.id, subject, event.id))) continue;
      const trigger = { event: { id: event.id, name: event.name, properties: event.properties, receivedAt: event.receivedAt } };
      starts.add({ journey, subject, trigger });
    }
  }
  return done;
}

/** Whether a run of the journey was already started for the subject by this event (a re-delivered batch). */
async function startedBy(context: EngineContext, workspaceId: string, journeyId: string, subject: JourneySubjectRef, eventId: number): Promise<boolean> {
  const triggers = await context.store.journeys.triggers.subjects.runTriggers(workspaceId, journeyId, subject);
  return triggers.some((t) => (t['event'] as { id?: unknown } | undefined)?.id === eventId);
}
