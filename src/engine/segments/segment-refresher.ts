import { performance } from 'node:perf_hooks';
import { DAY_MS } from '../../core/activity.js';
import { timeDependentSegments, timeWindowDays } from '../../core/segments/time-dependence.js';
import { unionWriteKinds, type WriteKinds } from '../../core/segments/write-relevance.js';
import type { TouchedSubjects } from '../../store/ingest/write-messages.js';
import type { EngineContext } from '../context.js';
import { effectiveDefinitions } from '../definitions/effective-definitions.js';
import { afterSegmentRefresh } from '../models/after-segment-refresh.js';
import { updateMemberships, type RefreshScope } from './update-memberships.js';

/** How soon after ingestion memberships are updated; writes within this time share one update. */
const AFTER_WRITE_MS = 200;

/** Runs `run` after `ms` milliseconds; returns what cancels it. Tests pass one driven by their clock. */
export type Delay = (ms: number, run: () => void) => () => void;

const realDelay: Delay = (ms, run) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

const NOTHING_WRITTEN: WriteKinds = { profiles: false, interactions: false, eventNames: [], revenue: false };

/** What is waiting to be refreshed in one workspace. */
interface Pending {
  contacts: Set<string>;
  accounts: Set<string>;
  /** A write whose subjects are unknown: everything is recomputed. */
  everything: boolean;
  /** The scheduler's tick: time has passed. */
  tick: boolean;
  /** What the writes changed, together; undefined when any write did not say. */
  writes: WriteKinds | undefined;
}

/** What one refresh did and where its time went: for logs and the benchmark. */
export interface RefreshReport {
  workspaceId: string;
  /** The scheduler's tick asked for it (writes pending at the time join it). */
  tick: boolean;
  /** Segments evaluated over every subject (all of them on a workspace's first refresh). */
  wholeSegments: number;
  /** Subjects written to, re-evaluated in every segment (late events' subjects included). */
  touched: { contacts: number; accounts: number };
  /** Subjects of events sent ahead of time whose time came since the last tick. */
  late: { contacts: number; accounts: number };
  /** Subjects with an event whose age crossed a window's edge, re-evaluated in time-dependent segments. */
  aged: { contacts: number; accounts: number };
  /** Entries and exits recorded. */
  changes: number;
  /** Milliseconds finding the aged and late subjects, updating memberships, and in what follows them (journeys, models). */
  ms: { scope: number; memberships: number; followUp: number };
}

export interface SegmentRefresherOptions {
  onError?: (error: unknown) => void;
  /** Called after each refresh that succeeded. */
  onRefreshed?: (report: RefreshReport) => void;
  delay?: Delay;
}

/** What the refresher knows of a workspace it has refreshed in this process. */
interface Known {
  /** Each segment's definition as last evaluated, to see which ones changed since. */
  definitions: Map<string, string>;
  /** Every subject's memberships are evaluated as of this time or later. */
  evaluatedAt: number;
}

/**
 * Keeps segment memberships (and what follows them, `afterSegmentRefresh`) current in a
 * running server, evaluating only what can have changed:
 *
 * - `written`: ingestion tells which contacts and accounts it touched; 200 ms later (writes in
 *   between join) every segment re-evaluates just those subjects and the ones their changes
 *   reach (`updateMemberships`).
 * - `tick` (the scheduler, every minute): time-dependent segments re-evaluate the subjects
 *   with an event whose age crossed one of their windows since the last tick (an event 14
 *   days old yesterday, 15 today), and every segment the subjects of events sent ahead of
 *   time whose time has come.
 * - A workspace seen for the first time in this process, a segment whose definition changed
 *   and a write that does not say what it touched are evaluated over every subject; so is a
 *   workspace after a failed refresh, whose state is then unknown.
 *
 * Refreshes run one at a time, so on SQLite an update holds the process only for the
 * subjects at hand.
 */
export class SegmentRefresher implements AsyncDisposable {
  readonly #pending = new Map<string, Pending>();
  readonly #known = new Map<string, Known>();
  #cancelTimer: (() => void) | undefined;
  #running: Promise<void> = Promise.resolve();
  /** The refresh waiting to start, if any: what a new request joins. */
  #next: Promise<void> | undefined;
  #closed = false;

  readonly #onError: (error: unknown) => void;
  readonly #onRefreshed: ((report: RefreshReport) => void) | undefined;
  readonly #delay: Delay;

  constructor(
    private readonly context: EngineContext,
    options: SegmentRefresherOptions = {},
  ) {
    this.#onError = options.onError ?? ((error) => console.error('segment refresh failed:', error));
    this.#onRefreshed = options.onRefreshed;
    this.#delay = options.delay ?? realDelay;
  }

  /** Ingestion wrote to this workspace, changing `touched`; without it, anything may have changed. */
  written(workspaceId: string, touched?: TouchedSubjects): void {
    if (this.#closed) return;
    const pending = this.#pendingOf(workspaceId);
    if (touched === undefined) pending.everything = true;
    else {
      for (const id of touched.contacts) pending.contacts.add(id);
      for (const id of touched.accounts) pending.accounts.add(id);
      pending.writes = unionWriteKinds(pending.writes, touched.writes);
    }
    this.#cancelTimer ??= this.#delay(AFTER_WRITE_MS, () => {
      this.#cancelTimer = undefined;
      void this.#run();
    });
  }

  /** Re-evaluates what time alone can have changed in these workspaces (the scheduler's tick), with any pending writes. */
  tick(workspaceIds: readonly string[]): Promise<void> {
    for (const id of workspaceIds) this.#pendingOf(id).tick = true;
    return this.#run();
  }

  /** Resolves when every refresh asked for so far is done. */
  async idle(): Promise<void> {
    while (this.#cancelTimer || this.#pending.size > 0) {
      this.#cancelTimer?.();
      this.#cancelTimer = undefined;
      await this.#run();
    }
    await this.#running;
  }

  #pendingOf(workspaceId: string): Pending {
    let pending = this.#pending.get(workspaceId);
    if (!pending) this.#pending.set(workspaceId, (pending = { contacts: new Set(), accounts: new Set(), everything: false, tick: false, writes: NOTHING_WRITTEN }));
    return pending;
  }

  /**
   * Runs a refresh of everything pending after the one under way. A refresh asked for while
   * another is already waiting to start joins that one: it takes all that is pending when it
   * starts, so the queue is never longer than one, and a tick waits for at most the refresh
   * under way — not for every write that arrived meanwhile, each queued behind the other.
   */
  #run(): Promise<void> {
    if (this.#next) return this.#next;
    const next = this.#running.then(async () => {
      this.#next = undefined;
      const work = [...this.#pending];
      this.#pending.clear();
      for (const [workspaceId, pending] of work) {
        try {
          await this.#refresh(workspaceId, pending);
        } catch (error) {
          // What this refresh would have updated is unknown now: start over with everything.
          this.#known.delete(workspaceId);
          this.#onError(error);
        }
      }
    });
    this.#next = next;
    this.#running = next;
    return next;
  }

  async #refresh(workspaceId: string, pending: Pending): Promise<void> {
    const started = performance.now();
    const now = this.context.clock.now();
    const segments = (await effectiveDefinitions(this.context, workspaceId)).flatMap((d) => (d.kind === 'Segment' ? [d.spec] : []));
    const definitions = new Map(segments.map((s) => [s.id, JSON.stringify(s)]));
    const known = pending.everything ? undefined : this.#known.get(workspaceId);
    const scope: RefreshScope = {
      whole: new Set(segments.filter((s) => known?.definitions.get(s.id) !== definitions.get(s.id)).map((s) => s.id)),
      touched: { contacts: [...pending.contacts], accounts: [...pending.accounts], writes: pending.writes },
    };
    let late: TouchedSubjects = { contacts: [], accounts: [] };
    if (known && pending.tick) {
      const since = known.evaluatedAt;
      // Events sent with a future timestamp count from that time on, in any event condition.
      late = await this.context.store.segmentMemberships.eventSubjects(workspaceId, since - 1, now, { late: true });
      scope.touched = union(scope.touched, late);
      const timed = timeDependentSegments(segments);
      let aged: TouchedSubjects = { contacts: [], accounts: [] };
      // A window of d days changes its answer where an event's timestamp + d days was passed; the extra
      // millisecond covers "older than", which holds from timestamp + d days + 1 ms.
      for (const days of timeWindowDays(segments.filter((s) => timed.has(s.id)))) {
        aged = union(aged, await this.context.store.segmentMemberships.eventSubjects(workspaceId, since - days * DAY_MS - 1, now - days * DAY_MS));
      }
      scope.aged = { segments: timed, subjects: aged };
    }
    const scoped = performance.now();
    const changes = await updateMemberships(this.context, workspaceId, segments, scope, now);
    const everything = scope.whole.size === segments.length;
    this.#known.set(workspaceId, { definitions, evaluatedAt: known && !pending.tick && !everything ? known.evaluatedAt : now });
    const updated = performance.now();
    await afterSegmentRefresh(this.context, workspaceId, changes, { timePassed: pending.tick || everything });
    this.#onRefreshed?.({
      workspaceId,
      tick: pending.tick,
      wholeSegments: scope.whole.size,
      touched: counts(scope.touched),
      late: counts(late),
      aged: scope.aged ? counts(scope.aged.subjects) : { contacts: 0, accounts: 0 },
      changes: changes.length,
      ms: { scope: scoped - started, memberships: updated - scoped, followUp: performance.now() - updated },
    });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.#closed = true;
    this.#cancelTimer?.();
    this.#cancelTimer = undefined;
    this.#pending.clear();
    await this.#running;
  }
}

function counts(subjects: TouchedSubjects): { contacts: number; accounts: number } {
  return { contacts: subjects.contacts.length, accounts: subjects.accounts.length };
}

function union(a: TouchedSubjects, b: TouchedSubjects): TouchedSubjects {
  return { contacts: [...new Set([...a.contacts, ...b.contacts])], accounts: [...new Set([...a.accounts, ...b.accounts])], writes: unionWriteKinds(a.writes, b.writes) };
}

/** One line on a refresh: what it re-evaluated and where the time went. */
export function describeRefresh(report: RefreshReport): string {
  const subjects = (s: { contacts: number; accounts: number }) => `${s.contacts} contacts, ${s.accounts} accounts`;
  const ms = (n: number) => `${Math.round(n)} ms`;
  return [
    `${report.tick ? 'tick' : 'write'} refresh of ${report.workspaceId}: ${ms(report.ms.scope + report.ms.memberships + report.ms.followUp)}`,
    `${report.wholeSegments} segments whole`,
    `touched ${subjects(report.touched)} (late ${subjects(report.late)})`,
    `aged ${subjects(report.aged)}`,
    `${report.changes} changes`,
    `scope ${ms(report.ms.scope)}, memberships ${ms(report.ms.memberships)}, follow-up ${ms(report.ms.followUp)}`,
  ].join('; ');
}
