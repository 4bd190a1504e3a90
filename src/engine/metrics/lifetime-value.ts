import { DAY_MS } from '../../core/activity.js';
import type { CustomerValue } from '../../core/clv/lifetime-value.js';
import { lifetimeValueRow, type LifetimeValueRow } from '../../core/clv/lifetime-value-report.js';
import { normalizeSettings, valuesUnderFit, type LifetimeValueFit, type LifetimeValueSettings } from '../../core/clv/predict-lifetime-values.js';
import type { EngineContext } from '../context.js';
import { predictOffThread, scoreOffThread } from './lifetime-value-off-thread.js';

export interface LifetimeValueTable {
  fit: LifetimeValueFit;
  customers: LifetimeValueRow[];
}

/**
 * Fits the lifetime-value models on a workspace's purchases through the calibration end,
 * stores the fit as the workspace's latest (contact pages read it), and returns every
 * customer's row. The fit runs in a worker thread.
 */
export async function fitLifetimeValue(context: EngineContext, workspaceId: string, settings: LifetimeValueSettings): Promise<LifetimeValueTable> {
  const normalized = normalizeSettings(settings);
  const purchases = await context.store.purchases.all(workspaceId, normalized.purchaseEvent, normalized.calibrationEnd + DAY_MS);
  const prediction = await predictOffThread(purchases, normalized);
  const fit: LifetimeValueFit = { settings: normalized, models: prediction.models, fittedAt: context.clock.now() };
  await context.store.lifetimeValueFits.save(workspaceId, fit);
  return { fit, customers: await withUserIds(context, workspaceId, prediction.customers) };
}

/** Every customer's row under the workspace's latest fit (scored in a worker thread); null without a fit. */
export async function lifetimeValueTable(context: EngineContext, workspaceId: string): Promise<LifetimeValueTable | null> {
  const fit = await context.store.lifetimeValueFits.latest(workspaceId);
  if (!fit) return null;
  const purchases = await context.store.purchases.all(workspaceId, fit.settings.purchaseEvent, fit.settings.calibrationEnd + DAY_MS);
  return { fit, customers: await withUserIds(context, workspaceId, await scoreOffThread(purchases, fit)) };
}

/**
 * A contact's figures under the workspace's latest fit, as of its calibration end; the fit is
 * null when the workspace has none, the customer null when the contact bought nothing by then.
 */
export async function contactLifetimeValue(context: EngineContext, workspaceId: string, contactId: string): Promise<{ fit: LifetimeValueFit | null; customer: LifetimeValueRow | null }> {
  const fit = await context.store.lifetimeValueFits.latest(workspaceId);
  if (!fit) return { fit: null, customer: null };
  const purchases = await context.store.purchases.ofContact(workspaceId, contactId, fit.settings.purchaseEvent, fit.settings.calibrationEnd + DAY_MS);
  const [customer] = await withUserIds(context, workspaceId, valuesUnderFit(fit, purchases));
  return { fit, customer: customer ?? null };
}

async function withUserIds(context: EngineContext, workspaceId: string, values: CustomerValue[]): Promise<LifetimeValueRow[]> {
  const userIds = await context.store.purchases.userIds(workspaceId, values.map((v) => v.customerId));
  return values.map((value) => lifetimeValueRow(value, userIds.get(value.customerId)));
}
