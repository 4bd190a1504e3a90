import type { Kysely } from 'kysely';

/**
 * `lifetime_value_fits`: a workspace's latest fit of the lifetime-value models (BG/NBD and
 * Gamma-Gamma), with the settings it was made with, so a contact's figures are read from the
 * same fit that produced the workspace's table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('lifetime_value_fits')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey())
    .addColumn('purchase_event', 'text', (c) => c.notNull())
    .addColumn('calibration_end', 'bigint', (c) => c.notNull())
    .addColumn('horizon_weeks', 'double precision', (c) => c.notNull())
    .addColumn('annual_discount_rate', 'double precision', (c) => c.notNull())
    .addColumn('margin', 'double precision', (c) => c.notNull())
    .addColumn('customers', 'integer', (c) => c.notNull())
    .addColumn('repeat_customers', 'integer', (c) => c.notNull())
    .addColumn('bg_nbd_r', 'double precision', (c) => c.notNull())
    .addColumn('bg_nbd_alpha', 'double precision', (c) => c.notNull())
    .addColumn('bg_nbd_a', 'double precision', (c) => c.notNull())
    .addColumn('bg_nbd_b', 'double precision', (c) => c.notNull())
    .addColumn('bg_nbd_log_likelihood', 'double precision', (c) => c.notNull())
    .addColumn('gamma_gamma_p', 'double precision', (c) => c.notNull())
    .addColumn('gamma_gamma_q', 'double precision', (c) => c.notNull())
    .addColumn('gamma_gamma_gamma', 'double precision', (c) => c.notNull())
    .addColumn('gamma_gamma_log_likelihood', 'double precision', (c) => c.notNull())
    .addColumn('fitted_at', 'bigint', (c) => c.notNull())
    .execute();
}
