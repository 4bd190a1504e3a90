import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../dialects/dialect.js';

/**
 * Durable journey runs: each run's state (advanced by the pure `advanceJourney`), the ledger
 * of effects to perform once under their keys, and every step a run entered, for the counts.
 *
 * State, payloads and trigger data are JSON as text: the engine reads them whole and never
 * queries inside them. Due work is found through `wake_at` and `next_attempt_at`, which are
 * null whenever nothing is due, so the partial indexes hold only runs and effects with a timer.
 */
export async function up(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('journey_runs')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('journey_id', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('trigger_data', 'text', (c) => c.notNull())
    // Raised by every advance: a commit names the version it advanced from (compare-and-set).
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('wake_at', 'bigint')
    // A worker's claim on a due run; an expired lease (the worker died) makes the run due again.
    .addColumn('leased_until', 'bigint')
    .addColumn('entered_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .addPrimaryKeyConstraint('journey_runs_pk', ['workspace_id', 'id'])
    .execute();
  // Workers look for due runs across every workspace, soonest first.
  await db.schema.createIndex('journey_runs_due').on('journey_runs').column('wake_at').where(sql.ref('wake_at'), 'is not', null).execute();
  await db.schema.createIndex('journey_runs_subject').on('journey_runs').columns(['workspace_id', 'journey_id', 'subject_kind', 'subject_id', 'entered_at']).execute();
  await db.schema.createIndex('journey_runs_journey').on('journey_runs').columns(['workspace_id', 'journey_id', 'status']).execute();

  await dialect
    .addSerialId(db.schema.createTable('journey_effects'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    // `runId:visit:stepId`: a replayed advance inserts nothing, a performer deduplicates by it.
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('journey_id', 'text', (c) => c.notNull())
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // Claims so far; a claim's outcome is recorded only if no later claim took the effect over.
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint')
    .addColumn('leased_until', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('done_at', 'bigint')
    .addUniqueConstraint('journey_effects_key', ['workspace_id', 'key'])
    .execute();
  await db.schema.createIndex('journey_effects_due').on('journey_effects').column('next_attempt_at').where(sql.ref('next_attempt_at'), 'is not', null).execute();
  await db.schema.createIndex('journey_effects_run').on('journey_effects').columns(['workspace_id', 'run_id']).execute();

  await dialect
    .addSerialId(db.schema.createTable('journey_visits'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('journey_id', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    // The arm a split step sent the run down; null for other steps.
    .addColumn('arm', 'text')
    .execute();
  await db.schema.createIndex('journey_visits_journey').on('journey_visits').columns(['workspace_id', 'journey_id', 'step_id']).execute();
}
