import type { Kysely, Transaction } from 'kysely';
import { durationMs, type Advance, type RunState } from '../../core/journeys/advance-journey.js';
import type { JourneyDefinition } from '../../core/journeys/journey-definition.js';
import type { Database, JourneyRunTable } from '../database.js';
import { chunks } from '../chunks.js';
import type { StoreDialect } from '../dialects/dialect.js';

const MAX_START_ATTEMPTS = 5;

export interface JourneySubjectRef {
  kind: 'contact' | 'account';
  id: string;
}

/** A stored run: the core's state plus what the engine needs to advance it and to perform its effects. */
export interface JourneyRun {
  workspaceId: string;
  id: string;
  journeyId: string;
  subject: JourneySubjectRef;
  state: RunState;
  trigger: Record<string, unknown>;
  /** Raised by every commit; `commit` names the version it advanced from. */
  version: number;
  enteredAt: number;
  updatedAt: number;
  endedAt: number | null;
}

export interface NewRun {
  id: string;
  journeyId: string;
  subject: JourneySubjectRef;
  trigger: Record<string, unknown>;
  /** The start's advance, from the initial state: stored with the run, so no run exists without its first effects. */
  advance: Advance;
}

export type StartResult = { started: true; run: JourneyRun } | { started: false; reason: 'active' | 'entered-before' | 'cooling-down' };

/** A due run a worker claimed, leased to it until `leasedUntil`. */
export interface ClaimedRun {
  workspaceId: string;
  runId: string;
  journeyId: string;
  leasedUntil: number;
}

export interface ClaimOptions {
  now: number;
  limit: number;
  leaseMs: number;
  /** Only these workspaces; every workspace when absent. */
  workspaceIds?: readonly string[];
}

const ENDED: readonly RunState['status'][] = ['completed', 'exited', 'converted'];

/** Journey runs: started under the entry rules, advanced by compare-and-set, claimed when due. */
export function journeyRunQueries(db: Kysely<Database>, dialect: StoreDialect) {
  const activeOfAll = async (workspaceId: string, subjects: readonly JourneySubjectRef[]): Promise<JourneyRun[]> => {
    const runs: JourneyRun[] = [];
    for (const kind of ['contact', 'account'] as const) {
      const ids = [...new Set(subjects.filter((s) => s.kind === kind).map((s) => s.id))];
      for (const part of chunks(ids, 500)) {
        const rows = await db
          .selectFrom('journey_runs')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('subject_kind', '=', kind)
          .where('subject_id', 'in', part)
          .where('ended_at', 'is', null)
          .orderBy('entered_at')
          .execute();
        runs.push(...rows.map(toRun));
      }
    }
    return runs;
  };

  return {
    /**
     * Starts a run with its first advance, effects and visits, in one transaction, unless the
     * subject has an active run of the journey, or the entry rule refuses: `once` after any
     * earlier run, `againAfter` within the cool-down since the last entry. On PostgreSQL the
     * transaction is serializable, so two processes starting the same subject at once cannot
     * both see "no run yet"; the loser is retried and then refused.
     */
    async start(workspaceId: string, run: NewRun, entry: JourneyDefinition['entry'], now: number): Promise<StartResult> {
      return (await startRuns(db, dialect, workspaceId, [{ run, entry }], now))[0]!;
    },

    /**
     * `start` for many runs of the workspace in one transaction, each under its own entry rule,
     * in order: a later start for the same subject and journey sees an earlier one. The results
     * are in the order given. On PostgreSQL a serialization failure retries the whole batch.
     */
    async startMany(workspaceId: string, starts: readonly { run: NewRun; entry: JourneyDefinition['entry'] }[], now: number): Promise<StartResult[]> {
      return startRuns(db, dialect, workspaceId, starts, now);
    },

    async find(workspaceId: string, runId: string): Promise<JourneyRun | undefined> {
      const row = await db.selectFrom('journey_runs').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', runId).executeTakeFirst();
      return row ? toRun(row) : undefined;
    },

    /** The workspace's runs of these ids that exist, in no particular order. */
    async findMany(workspaceId: string, runIds: readonly string[]): Promise<JourneyRun[]> {
      if (runIds.length === 0) return [];
      const rows = await db.selectFrom('journey_runs').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', [...runIds]).execute();
      return rows.map(toRun);
    },

    /** When the next waiting run's timer comes after `now`, if any run waits on one; a worker with nothing to do sleeps until then. */
    async nextWake(now: number, workspaceIds?: readonly string[]): Promise<number | null> {
      if (workspaceIds?.length === 0) return null;
      const row = await db
        .selectFrom('journey_runs')
        .select('wake_at as at')
        .where('wake_at', '>', now)
        .where('status', '=', 'waiting')
        .$if(workspaceIds !== undefined, (q) => q.where('workspace_id', 'in', [...workspaceIds!]))
        .orderBy('wake_at')
        .limit(1)
        .executeTakeFirst();
      return row?.at === null || row?.at === undefined ? null : Number(row.at);
    },

    /** The subject's runs not yet ended, of every journey: where an event or a goal is delivered. */
    activeOf(workspaceId: string, subject: JourneySubjectRef): Promise<JourneyRun[]> {
      return activeOfAll(workspaceId, [subject]);
    },

    /** `activeOf` for many subjects in one read: every run not yet ended of any of them, in order of entry. */
    activeOfAll,

    /**
     * Stores an advance of `run` atomically: the new state and timer, its effects in the
     * ledger and its visits. A compare-and-set on the version the advance started from: when
     * another process committed first, nothing is written and the result is false (reload and
     * advance again). Effects whose key is already in the ledger are not added twice.
     */
    async commit(workspaceId: string, run: Pick<JourneyRun, 'id' | 'journeyId' | 'version'>, advance: Advance, now: number): Promise<boolean> {
      return db.transaction().execute((trx) => commitIn(trx, workspaceId, run, advance, now));
    },

    /**
     * `commit` for many runs of the workspace in one transaction, each its own compare-and-set:
     * a run another process advanced first is left as it is (false at its place), the rest are
     * stored. A worker advancing a batch of due runs pays for one commit, not one per run.
     */
    async commitMany(workspaceId: string, advances: readonly { run: Pick<JourneyRun, 'id' | 'journeyId' | 'version'>; advance: Advance }[], now: number): Promise<boolean[]> {
      if (advances.length === 0) return [];
      return db.transaction().execute(async (trx) => {
        const stored: boolean[] = [];
        for (const { run, advance } of advances) stored.push(await commitIn(trx, workspaceId, run, advance, now));
        return stored;
      });
    },

    /**
     * Claims up to `limit` runs whose timer is due and that no live lease holds, leasing them
     * for `leaseMs`. On PostgreSQL the rows are read `FOR UPDATE SKIP LOCKED` in the claiming
     * transaction, so workers claiming at once take different runs without waiting on each
     * other; SQLite's writer lock serialises claims. The lease outlives the transaction: the
     * commit of the advance clears it, and if the worker dies, it expires and the run is due again.
     */
    async claimDue(options: ClaimOptions): Promise<ClaimedRun[]> {
      const leasedUntil = options.now + options.leaseMs;
      if (options.workspaceIds?.length === 0) return [];
      return db.transaction().execute(async (trx) => {
        const rows = await trx
          .selectFrom('journey_runs')
          .select(['workspace_id', 'id', 'journey_id'])
          .where('status', '=', 'waiting')
          .where('wake_at', '<=', options.now)
          .where((eb) => eb.or([eb('leased_until', 'is', null), eb('leased_until', '<=', options.now)]))
          .$if(options.workspaceIds !== undefined, (q) => q.where('workspace_id', 'in', [...options.workspaceIds!]))
          .orderBy('wake_at')
          .limit(options.limit)
          .$if(dialect.capabilities.rowLocks, (q) => q.forUpdate())
          .$if(dialect.capabilities.skipLocked, (q) => q.skipLocked())
          .execute();
        if (rows.length === 0) return [];
        await trx
          .updateTable('journey_runs')
          .set({ leased_until: leasedUntil })
          .where(({ eb, refTuple, tuple }) => eb(refTuple('workspace_id', 'id'), 'in', rows.map((r) => tuple(r.workspace_id, r.id))))
          .execute();
        return rows.map((r) => ({ workspaceId: r.workspace_id, runId: r.id, journeyId: r.journey_id, leasedUntil }));
      });
    },
  };
}

async function startRuns(db: Kysely<Database>, dialect: StoreDialect, workspaceId: string, starts: readonly { run: NewRun; entry: JourneyDefinition['entry'] }[], now: number): Promise<StartResult[]> {
  if (starts.length === 0) return [];
  for (let attempt = 1; ; attempt++) {
    try {
      return await db
        .transaction()
        .setIsolationLevel('serializable')
        .execute(async (trx) => {
          const results: StartResult[] = [];
          for (const { run, entry } of starts) results.push(await startIn(trx, workspaceId, run, entry, now));
          return results;
        });
    } catch (error) {
      if (attempt >= MAX_START_ATTEMPTS || !dialect.isTransient(error)) throw error;
    }
  }
}

/** One start inside `trx`: refused by an active run or by the entry rule, else stored with its first advance. */
async function startIn(trx: Transaction<Database>, workspaceId: string, run: NewRun, entry: JourneyDefinition['entry'], now: number): Promise<StartResult> {
  const earlier = await trx
    .selectFrom('journey_runs')
    .select(['entered_at', 'ended_at'])
    .where('workspace_id', '=', workspaceId)
    .where('journey_id', '=', run.journeyId)
    .where('subject_kind', '=', run.subject.kind)
    .where('subject_id', '=', run.subject.id)
    .execute();
  if (earlier.some((r) => r.ended_at === null)) return { started: false, reason: 'active' };
  if (earlier.length > 0) {
    if ('once' in entry) return { started: false, reason: 'entered-before' };
    const last = Math.max(...earlier.map((r) => Number(r.entered_at)));
    if (now - last < durationMs(entry.againAfter)) return { started: false, reason: 'cooling-down' };
  }
  const row: JourneyRunTable = {
    workspace_id: workspaceId, id: run.id, journey_id: run.journeyId, subject_kind: run.subject.kind, subject_id: run.subject.id,
    trigger_data: JSON.stringify(run.trigger), version: 1, leased_until: null, entered_at: now, ...stateColumns(run.advance.state, now),
  };
  await trx.insertInto('journey_runs').values(row).execute();
  await recordAdvance(trx, workspaceId, run.id, run.journeyId, run.advance, now);
  return { started: true, run: toRun(row) };
}

/** The compare-and-set of one advance inside `trx`: false, writing nothing, when the run moved on since `run.version`. */
async function commitIn(trx: Transaction<Database>, workspaceId: string, run: Pick<JourneyRun, 'id' | 'journeyId' | 'version'>, advance: Advance, now: number): Promise<boolean> {
  const updated = await trx
    .updateTable('journey_runs')
    .set({ ...stateColumns(advance.state, now), version: run.version + 1, leased_until: null })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', run.id)
    .where('version', '=', run.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return false;
  await recordAdvance(trx, workspaceId, run.id, run.journeyId, advance, now);
  return true;
}

/** Inserts an advance's effects (each once under its key) and visits. */
async function recordAdvance(trx: Transaction<Database>, workspaceId: string, runId: string, journeyId: string, advance: Advance, now: number): Promise<void> {
  if (advance.effects.length > 0) {
    await trx
      .insertInto('journey_effects')
      .values(
        advance.effects.map((effect) => ({
          workspace_id: workspaceId, key: effect.key, run_id: runId, journey_id: journeyId, step_id: effect.stepId, kind: effect.kind, payload: JSON.stringify(effect),
          status: 'pending' as const, attempts: 0, next_attempt_at: now, leased_until: null, last_error: null, created_at: now, done_at: null,
        })),
      )
      .onConflict((oc) => oc.columns(['workspace_id', 'key']).doNothing())
      .execute();
  }
  if (advance.entered.length > 0) {
    await trx
      .insertInto('journey_visits')
      .values(advance.entered.map((stepId) => ({ workspace_id: workspaceId, journey_id: journeyId, run_id: runId, step_id: stepId, at: now, arm: advance.state.arms[stepId] ?? null })))
      .execute();
  }
}

function stateColumns(state: RunState, now: number) {
  const ended = ENDED.includes(state.status);
  return {
    status: state.status,
    state: JSON.stringify(state),
    wake_at: state.status === 'waiting' ? state.wakeAt : null,
    updated_at: now,
    ended_at: ended ? now : null,
  };
}

function toRun(row: JourneyRunTable): JourneyRun {
  return {
    workspaceId: row.workspace_id, id: row.id, journeyId: row.journey_id, subject: { kind: row.subject_kind, id: row.subject_id },
    state: JSON.parse(row.state) as RunState, trigger: JSON.parse(row.trigger_data) as Record<string, unknown>, version: Number(row.version),
    enteredAt: Number(row.entered_at), updatedAt: Number(row.updated_at), endedAt: row.ended_at === null ? null : Number(row.ended_at),
  };
}
