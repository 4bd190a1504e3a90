import type { ClaimedEffect } from '../../store/journeys/journey-effects.js';
import { DEFAULT_SENDS_IN_FLIGHT } from '../channels/email-channel.js';
import type { EngineContext } from '../context.js';
import type { Delay } from '../segments/segment-refresher.js';
import { advanceRuns, type JourneyLookup } from './advance-run.js';
import { journeyStatuses } from './journey-status.js';
import { journeysInForce } from './journeys-in-force.js';
import { BatchReads, DeferEffect, perform, PermanentEffectFailure, type EffectPerformers } from './effect-performers.js';
import { MAX_EFFECT_ATTEMPTS, retryDelay } from './effect-retry.js';

export interface JourneyWorkerOptions {
  journeys: JourneyLookup;
  performers: EffectPerformers;
  /** Only these workspaces' runs and effects; every workspace when absent. */
  workspaceIds?: readonly string[];
  /** Runs or effects claimed at a time. */
  batchSize?: number;
  /**
   * Effects performed at once, of different subjects: a subject's effects are performed one
   * after another, in the order they were created. Sends wait on the network, so several in
   * flight keep the worker busy; an SMTP pool (`?pool=true`) gives each its own connection.
   * `DEFAULT_SENDS_IN_FLIGHT` when absent.
   */
  concurrency?: number;
  /** How long a claimed run is held; a worker that dies holding it releases it this late. */
  runLeaseMs?: number;
  /** How long a claimed effect is held: longer than the slowest performer takes. */
  effectLeaseMs?: number;
  maxAttempts?: number;
  /** Delay before the next attempt after `attempts` failed ones. */
  retryDelay?: (attempts: number) => number;
  /** Longest pause between passes that found nothing to do; shorter when a timer or a retry comes due sooner. */
  pollMs?: number;
  delay?: Delay;
  onError?: (error: unknown) => void;
  /**
   * Work that brings new runs and inputs, done at the start of every pass (the event feed,
   * date triggers); each returns how much it did, so a busy feed keeps the worker going.
   */
  feeds?: readonly (() => Promise<number>)[];
}

/** What one pass did. */
export interface WorkerPass {
  /** Inputs the feeds delivered. */
  fed: number;
  /** Runs whose timer came and that moved on. */
  advanced: number;
  /** Effects performed and recorded done. */
  performed: number;
  /** Failed attempts to be retried later. */
  failed: number;
  /** Effects put off until later (quiet hours, rate limits). */
  deferred: number;
  /** Effects given up. */
  dead: number;
  /** Runs that could not be advanced (retried when their lease runs out). */
  errors: number;
}

const realDelay: Delay = (ms, run) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

/**
 * Performs due journey work: advances runs whose timer came (`{ kind: 'timer' }`), then
 * performs pending effects through the performers and records each outcome. All state is in
 * the store, so a worker can die at any point: what it claimed is released when the lease
 * runs out, and the next pass — of this process after a restart, or of another — does it.
 *
 * Several workers share the work on PostgreSQL (claims skip rows others hold); on SQLite one
 * process does. Within a worker, passes never overlap. Work goes in batches, each stored in
 * one transaction: the due runs claimed together are committed together, and the effects
 * performed together are recorded done together. Effects of different subjects are performed
 * side by side (`concurrency`), a subject's in the order they were created; one that fails
 * does not hold back the ones after it. A worker with nothing to do sleeps until the next
 * timer or retry comes due, `pollMs` at most (new events are looked for at least that often).
 */
export class JourneyWorker implements AsyncDisposable {
  readonly #options: Required<Omit<JourneyWorkerOptions, 'workspaceIds'>> & Pick<JourneyWorkerOptions, 'workspaceIds'>;
  #running: Promise<unknown> = Promise.resolve();
  #cancelTimer: (() => void) | undefined;
  #started = false;

  constructor(
    private readonly context: EngineContext,
    options: JourneyWorkerOptions,
  ) {
    this.#options = {
      batchSize: 100, concurrency: DEFAULT_SENDS_IN_FLIGHT, runLeaseMs: 60_000, effectLeaseMs: 5 * 60_000, maxAttempts: MAX_EFFECT_ATTEMPTS, retryDelay, pollMs: 1_000, delay: realDelay, feeds: [],
      onError: (error) => console.error('journey worker:', error),
      ...options,
    };
  }

  /** Runs passes until stopped: the next at once after one that did something, else after `pollMs`. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    const loop = () => {
      this.#cancelTimer = undefined;
      if (!this.#started) return;
      // The next pass is scheduled before `idle()` resolves: the sleep is worked out within this pass.
      this.#running = this.runOnce()
        .then(async (pass) => (busy(pass) ? 0 : await this.#idleFor()))
        .then(
          (ms) => {
            if (this.#started) this.#cancelTimer = this.#options.delay(ms, loop);
          },
          (error) => {
            this.#options.onError(error);
            if (this.#started) this.#cancelTimer = this.#options.delay(this.#options.pollMs, loop);
          },
        );
    };
    loop();
  }

  /** How long to sleep after a pass that found nothing: until the next timer or retry, `pollMs` at most. */
  async #idleFor(): Promise<number> {
    const { store, clock } = this.context;
    const now = clock.now();
    const { workspaceIds, pollMs } = this.#options;
    const due = [await store.journeys.runs.nextWake(now, workspaceIds), await store.journeys.effects.nextDue(now, workspaceIds)].filter((at) => at !== null);
    return Math.max(0, Math.min(pollMs, ...due.map((at) => at - now)));
  }

  /** Stops the passes and waits for the one under way. */
  async stop(): Promise<void> {
    this.#started = false;
    this.#cancelTimer?.();
    this.#cancelTimer = undefined;
    await this.idle();
  }

  /** Resolves when the pass under way, if any, is done. */
  async idle(): Promise<void> {
    await this.#running.catch(() => {});
  }

  /** One pass: everything due now, runs first (their effects are then due too); returns what it did. */
  runOnce(): Promise<WorkerPass> {
    const pass = this.#running.catch(() => {}).then(() => this.#pass());
    this.#running = pass;
    return pass;
  }

  async #pass(): Promise<WorkerPass> {
    const result: WorkerPass = { fed: 0, advanced: 0, performed: 0, failed: 0, deferred: 0, dead: 0, errors: 0 };
    for (const feed of this.#options.feeds) {
      try {
        result.fed += await feed();
      } catch (error) {
        this.#options.onError(error);
      }
    }
    const { store, clock } = this.context;
    const { batchSize: limit, workspaceIds } = this.#options;
    const journeys = cached(this.#options.journeys);
    const paused = pausedJourneys(this.context);
    // Claimed rows are leased, so each batch takes new ones and the loops end even when work fails.
    for (;;) {
      const runs = await store.journeys.runs.claimDue({ now: clock.now(), limit, leaseMs: this.#options.runLeaseMs, ...(workspaceIds ? { workspaceIds } : {}) });
      for (const [workspaceId, claims] of byWorkspace(runs)) {
        const due: string[] = [];
        // A paused journey's runs wait: the claim's lease holds them until a later pass looks again.
        for (const run of claims) if (!(await paused(workspaceId, run.journeyId))) due.push(run.runId);
        try {
          for (const outcome of await advanceRuns(this.context, workspaceId, due, { kind: 'timer' }, journeys)) {
            if ('error' in outcome) {
              result.errors++;
              this.#options.onError(outcome.error);
            } else if (outcome.result.changed) result.advanced++;
          }
        } catch (error) {
          result.errors += due.length;
          this.#options.onError(error);
        }
      }
      if (runs.length < limit) break;
    }
    for (;;) {
      const effects = await store.journeys.effects.claim({ now: clock.now(), limit, leaseMs: this.#options.effectLeaseMs, ...(workspaceIds ? { workspaceIds } : {}) });
      const performed: ClaimedEffect[] = [];
      const reads = new BatchReads(effects);
      await eachConcurrently(bySubject(effects), this.#options.concurrency, async (claims) => {
        for (const claim of claims) {
          // A batch that outlasted its lease leaves the rest: another worker may have claimed them since.
          if (clock.now() >= claim.leasedUntil) break;
          try {
            const outcome = await this.#perform(claim, reads);
            if (outcome === 'performed') performed.push(claim);
            else result[outcome]++;
          } catch (error) {
            result.errors++;
            this.#options.onError(error);
          }
        }
      });
      try {
        // A crash before this commit performs the batch again after the lease: performers deduplicate by key.
        await store.journeys.effects.doneMany(performed.map((c) => ({ workspaceId: c.workspaceId, key: c.effect.key, attempt: c.attempt })), clock.now());
        result.performed += performed.length;
      } catch (error) {
        result.errors += performed.length;
        this.#options.onError(error);
      }
      if (effects.length < limit) break;
    }
    return result;
  }

  /** Performs the claim's effect; a failure or deferral is recorded at once, a success is recorded with its batch. */
  async #perform(claim: ClaimedEffect, reads: BatchReads): Promise<'performed' | 'failed' | 'deferred' | 'dead'> {
    const { store, clock } = this.context;
    try {
      await perform(this.#options.performers, claim, reads);
    } catch (error) {
      if (error instanceof DeferEffect) {
        await store.journeys.effects.deferred(claim.workspaceId, claim.effect.key, claim.attempt, error.until, error.message);
        return 'deferred';
      }
      const permanent = error instanceof PermanentEffectFailure;
      const dead = permanent || claim.attempt >= this.#options.maxAttempts;
      const now = clock.now();
      await store.journeys.effects.failed(claim.workspaceId, claim.effect.key, claim.attempt, {
        error: error instanceof Error ? error.message : String(error),
        retryAt: dead ? null : now + this.#options.retryDelay(claim.attempt),
        at: now,
      });
      return dead ? 'dead' : 'failed';
    }
    return 'performed';
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}

function byWorkspace<T extends { workspaceId: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    let group = groups.get(item.workspaceId);
    if (!group) groups.set(item.workspaceId, (group = []));
    group.push(item);
  }
  return groups;
}

/** Claimed effects by subject, each subject's in the order claimed (the order they were created). */
function bySubject(effects: readonly ClaimedEffect[]): ClaimedEffect[][] {
  const groups = new Map<string, ClaimedEffect[]>();
  for (const claim of effects) {
    const key = `${claim.workspaceId}\u0000${claim.subject.kind}\u0000${claim.subject.id}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(claim);
  }
  return [...groups.values()];
}

/** Calls `work` for every item, at most `limit` at a time. `work` must not throw. */
async function eachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}

function busy(pass: WorkerPass): boolean {
  return pass.fed + pass.advanced + pass.performed + pass.failed + pass.dead > 0;
}

/** Whether a journey is paused, read once per workspace and pass. */
function pausedJourneys(context: EngineContext): (workspaceId: string, journeyId: string) => Promise<boolean> {
  const byWorkspace = new Map<string, Promise<Set<string>>>();
  return async (workspaceId, journeyId) => {
    let paused = byWorkspace.get(workspaceId);
    if (!paused) {
      paused = journeysInForce(context, workspaceId)
        .then((journeys) => journeyStatuses(context, workspaceId, journeys))
        .then((statuses) => new Set([...statuses.values()].filter((s) => s.status === 'paused').map((s) => s.journeyId)));
      byWorkspace.set(workspaceId, paused);
    }
    return (await paused).has(journeyId);
  };
}

/** A journey is looked up once per pass, however many of its runs are due. */
function cached(lookup: JourneyLookup): JourneyLookup {
  const found = new Map<string, ReturnType<JourneyLookup>>();
  return (workspaceId, journeyId) => {
    const key = `${workspaceId}\u0000${journeyId}`;
    let journey = found.get(key);
    if (!journey) found.set(key, (journey = lookup(workspaceId, journeyId)));
    return journey;
  };
}
