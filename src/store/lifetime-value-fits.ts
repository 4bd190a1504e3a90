import type { Kysely, Selectable } from 'kysely';
import type { LifetimeValueFit } from '../core/clv/predict-lifetime-values.js';
import type { Database, LifetimeValueFitTable } from './database.js';

/** Each workspace's latest fit of the lifetime-value models; a new fit replaces it. */
export function lifetimeValueFitQueries(db: Kysely<Database>) {
  return {
    async latest(workspaceId: string): Promise<LifetimeValueFit | null> {
      const row = await db.selectFrom('lifetime_value_fits').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
      return row ? toFit(row) : null;
    },

    async save(workspaceId: string, fit: LifetimeValueFit): Promise<void> {
      const row = toRow(workspaceId, fit);
      await db
        .insertInto('lifetime_value_fits')
        .values(row)
        .onConflict((oc) => oc.column('workspace_id').doUpdateSet(row))
        .execute();
    },
  };
}

function toRow(workspaceId: string, { settings, models, fittedAt }: LifetimeValueFit): LifetimeValueFitTable {
  return {
    workspace_id: workspaceId,
    purchase_event: settings.purchaseEvent,
    calibration_end: settings.calibrationEnd,
    horizon_weeks: settings.horizonWeeks,
    annual_discount_rate: settings.annualDiscountRate,
    margin: settings.margin,
    customers: models.customers,
    repeat_customers: models.repeatCustomers,
    bg_nbd_r: models.bgNbd.r,
    bg_nbd_alpha: models.bgNbd.alpha,
    bg_nbd_a: models.bgNbd.a,
    bg_nbd_b: models.bgNbd.b,
    bg_nbd_log_likelihood: models.bgNbd.logLikelihood,
    gamma_gamma_p: models.gammaGamma.p,
    gamma_gamma_q: models.gammaGamma.q,
    gamma_gamma_gamma: models.gammaGamma.gamma,
    gamma_gamma_log_likelihood: models.gammaGamma.logLikelihood,
    fitted_at: fittedAt,
  };
}

function toFit(r: Selectable<LifetimeValueFitTable>): LifetimeValueFit {
  return {
    settings: { purchaseEvent: r.purchase_event, calibrationEnd: Number(r.calibration_end), horizonWeeks: r.horizon_weeks, annualDiscountRate: r.annual_discount_rate, margin: r.margin },
    models: {
      customers: Number(r.customers),
      repeatCustomers: Number(r.repeat_customers),
      bgNbd: { r: r.bg_nbd_r, alpha: r.bg_nbd_alpha, a: r.bg_nbd_a, b: r.bg_nbd_b, logLikelihood: r.bg_nbd_log_likelihood },
      gammaGamma: { p: r.gamma_gamma_p, q: r.gamma_gamma_q, gamma: r.gamma_gamma_gamma, logLikelihood: r.gamma_gamma_log_likelihood },
    },
    fittedAt: Number(r.fitted_at),
  };
}
