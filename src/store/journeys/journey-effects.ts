import type { Kysely } from 'kysely';
import type { Effect } from '../../core/journeys/advance-journey.js';
import type { Database, JourneyEffectTable } from '../database.js';
import type { StoreDialect } from '../dialects/dialect.js';
import type { ClaimOptions, JourneySubjectRef } from './journey-runs.js';

/** An effect claimed for performing, with what a performer needs to know of its run. */
export interface ClaimedEffect {
  workspaceId: string;
  effect: Effect;
  runId: string;
  journeyId: string;
  subject: JourneySubjectRef;
  trigger: Record<string, unknown>;
  /** This claim's number: 1 the first time. Its outcome is recorded under it. */
  attempt: number;
  leasedUntil: number;
}

/** An effect as the ledger holds it, for inspection. */
export interface LedgerEntry {
  key: string;
  runId: string;
  stepId: string;
  kind: Effect['kind'];
  status: JourneyEffectTable['status'];
  attempts: number;
  nextAttemptAt: number | null;
  lastError: string | null;
  doneAt: number | null;
}

/** A failed attempt: retried at `retryAt`, or given up (dead) when null. */
export interface EffectFailure {
  error: string;
  retryAt: number | null;
  at: number;
}

/** The effects ledger: claimed with a lease, each outcome recorded under the claim that performed it. */
export function journeyEffectQueries(db: Kysely<Database>, dialect: StoreDialect) {
  /** Sets the outcome only if the effect is still held by this claim: a later claim (after the lease ran out) wins. */
  const record = (workspaceId: string, key: string, attempt: number, on: Kysely<Database> = db) =>
    on.updateTable('journey_effects').where('workspace_id', '=', workspaceId).where('key', '=', key).where('attempts', '=', attempt).where('status', 'in', ['pending', 'failed']);

  return {
    /**
     * Claims up to `limit` effects whose attempt is due and that no live lease holds, oldest
     * first, counting the attempt and leasing them for `leaseMs`; as `claimDue` for runs
     * (`FOR UPDATE SKIP LOCKED` on PostgreSQL). A worker that dies holding claims loses them
     * when the lease runs out, and the effects are performed by the next claim.
     */
    async claim(options: ClaimOptions): Promise<ClaimedEffect[]> {
      const leasedUntil = options.now + options.leaseMs;
      if (options.workspaceIds?.length === 0) return [];
      const claimed = await db.transaction().execute(async (trx) => {
        const rows = await trx
          .selectFrom('journey_effects')
          .selectAll()
          .where('status', 'in', ['pending', 'failed'])
          .where('next_attempt_at', '<=', options.now)
          .where((eb) => eb.or([eb('leased_until', 'is', null), eb('leased_until', '<=', options.now)]))
          .$if(options.workspaceIds !== undefined, (q) => q.where('workspace_id', 'in', [...options.workspaceIds!]))
          .orderBy('next_attempt_at')
          .orderBy('id')
          .limit(options.limit)
          .$if(dialect.capabilities.rowLocks, (q) => q.forUpdate())
          .$if(dialect.capabilities.skipLocked, (q) => q.skipLocked())
          .execute();
        if (rows.length === 0) return [];
        await trx
          .updateTable('journey_effects')
          .set((eb) => ({ attempts: eb('attempts', '+', 1), leased_until: leasedUntil }))
          .where('id', 'in', rows.map((r) => r.id))
          .execute();
        return rows;
      });
      if (claimed.length === 0) return [];
      const runs = new Map<string, { subject: JourneySubjectRef; trigger: Record<string, unknown> }>();
      for (const row of await db
        .selectFrom('journey_runs')
        .select(['workspace_id', 'id', 'subject_kind', 'subject_id', 'trigger_data'])
        .where(({ eb, refTuple, tuple }) => eb(refTuple('workspace_id', 'id'), 'in', claimed.map((c) => tuple(c.workspace_id, c.run_id))))
        .execute()) {
        runs.set(`${row.workspace_id}\u0000${row.id}`, { subject: { kind: row.subject_kind, id: row.subject_id }, trigger: JSON.parse(row.trigger_data) as Record<string, unknown> });
      }
      return claimed.map((row) => {
        // Runs are never deleted while their effects are in the ledger.
        const run = runs.get(`${row.workspace_id}\u0000${row.run_id}`)!;
        return {
          workspaceId: row.workspace_id, effect: JSON.parse(row.payload) as Effect, runId: row.run_id, journeyId: row.journey_id,
          subject: run.subject, trigger: run.trigger, attempt: Number(row.attempts) + 1, leasedUntil,
        };
      });
    },

    /** Records that the claim performed the effect; false when a later claim holds it now. */
    async done(workspaceId: string, key: string, attempt: number, at: number): Promise<boolean> {
      const result = await record(workspaceId, key, attempt).set({ status: 'done', done_at: at, next_attempt_at: null, leased_until: null, last_error: null }).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /**
     * Records that each claim performed its effect, in one transaction: a worker performs a
     * batch, then records it at once. Returns how many were still held by their claim.
     */
    async doneMany(done: readonly { workspaceId: string; key: string; attempt: number }[], at: number): Promise<number> {
      if (done.length === 0) return 0;
      return db.transaction().execute(async (trx) => {
        let recorded = 0;
        for (const d of done) {
          const result = await record(d.workspaceId, d.key, d.attempt, trx).set({ status: 'done', done_at: at, next_attempt_at: null, leased_until: null, last_error: null }).executeTakeFirst();
          recorded += Number(result.numUpdatedRows);
        }
        return recorded;
      });
    },

    /**
     * When the next effect comes due after `now` (its attempt's time, or its lease's end), if any
     * effect waits at all; a worker with nothing to do sleeps until then.
     */
    async nextDue(now: number, workspaceIds?: readonly string[]): Promise<number | null> {
      if (workspaceIds?.length === 0) return null;
      const row = await db
        .selectFrom('journey_effects')
        .select('next_attempt_at as at')
        .where('next_attempt_at', '>', now)
        .where('status', 'in', ['pending', 'failed'])
        .$if(workspaceIds !== undefined, (q) => q.where('workspace_id', 'in', [...workspaceIds!]))
        .orderBy('next_attempt_at')
        .limit(1)
        .executeTakeFirst();
      return row?.at === null || row?.at === undefined ? null : Number(row.at);
    },

    /** Records a failed attempt: due again at `retryAt`, or dead when null. False when a later claim holds it now. */
    async failed(workspaceId: string, key: string, attempt: number, failure: EffectFailure): Promise<boolean> {
      const result = await record(workspaceId, key, attempt)
        .set({ status: failure.retryAt === null ? 'dead' : 'failed', next_attempt_at: failure.retryAt, leased_until: null, last_error: failure.error.slice(0, 2000), done_at: null })
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /**
     * Records that the claim put the effect off until `until` (quiet hours, a rate limit): due
     * again then, and the attempt not counted, since nothing failed. False when a later claim holds it now.
     */
    async deferred(workspaceId: string, key: string, attempt: number, until: number, reason: string): Promise<boolean> {
      const result = await record(workspaceId, key, attempt)
        .set((eb) => ({ status: 'pending', attempts: eb('attempts', '-', 1), next_attempt_at: until, leased_until: null, last_error: reason.slice(0, 2000) }))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /**
     * Gives a dead effect (or a failed one waiting for its next attempt) a fresh start: due now,
     * with its attempts counted from nothing. False when there is no such effect in that state.
     */
    async retry(workspaceId: string, key: string, now: number): Promise<boolean> {
      const result = await db
        .updateTable('journey_effects')
        .set({ status: 'pending', attempts: 0, next_attempt_at: now, leased_until: null })
        .where('workspace_id', '=', workspaceId)
        .where('key', '=', key)
        .where('status', 'in', ['dead', 'failed'])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /**
     * Effects in the order they were created: a run's (`runId`), or the workspace's in one state
     * (`status: 'dead'` is the dead-letter list), of one kind; every one when no filter is given.
     */
    async list(workspaceId: string, filter: { runId?: string; status?: JourneyEffectTable['status']; kind?: Effect['kind']; limit?: number } = {}): Promise<LedgerEntry[]> {
      const { runId, status, kind, limit } = filter;
      const rows = await db
        .selectFrom('journey_effects')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .$if(runId !== undefined, (q) => q.where('run_id', '=', runId!))
        .$if(status !== undefined, (q) => q.where('status', '=', status!))
        .$if(kind !== undefined, (q) => q.where('kind', '=', kind!))
        .orderBy('id')
        .$if(limit !== undefined, (q) => q.limit(limit!))
        .execute();
      return rows.map((r) => ({
        key: r.key, runId: r.run_id, stepId: r.step_id, kind: r.kind as Effect['kind'], status: r.status, attempts: Number(r.attempts),
        nextAttemptAt: r.next_attempt_at === null ? null : Number(r.next_attempt_at), lastError: r.last_error, doneAt: r.done_at === null ? null : Number(r.done_at),
      }));
    },
  };
}
