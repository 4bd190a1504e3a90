import { accountEconomics, costOfPhase, economicsFlags, totalEconomics, type AccountEconomics } from '../../core/models/economics.js';
import { touchOf } from '../../core/models/engagement-model.js';
import type { FlaggedAccount, ModelEconomics } from '../../core/records.js';
import type { EngineContext } from '../context.js';
import { effectiveDefinitions } from '../definitions/effective-definitions.js';

const DAY = 86_400_000;
const PERIOD_DAYS = 28;

/**
 * Per model: how many accounts it serves and what they earn and cost; and the accounts whose
 * model the economics question. Activity compares the last 28 days with the 28 before.
 */
export async function modelEconomics(context: EngineContext, workspaceId: string): Promise<ModelEconomics> {
  const now = context.clock.now();
  const definitions = await effectiveDefinitions(context, workspaceId);
  const models = definitions.flatMap((d) => (d.kind === 'EngagementModel' ? [d.spec] : []));
  const byId = new Map(models.map((m) => [m.id, m]));
  const rows = await context.store.accountModels.economicsInputs(workspaceId, { from: now - 2 * PERIOD_DAYS * DAY, split: now - PERIOD_DAYS * DAY, to: now });
  const escalations = await context.store.escalations.list(workspaceId);
  const perModel = new Map<string, AccountEconomics[]>();
  const flagged: FlaggedAccount[] = [];
  for (const row of rows) {
    const model = byId.get(row.modelId);
    if (!model) continue;
    const economics = accountEconomics(row.mrr, costOfPhase(model, row.phaseId), row.contacts);
    perModel.set(model.id, [...(perModel.get(model.id) ?? []), economics]);
    // An escalation puts an account in high touch on purpose and for a while: its cost is the
    // price of keeping the customer, not a model its revenue must justify.
    const flags = economicsFlags({ touch: touchOf(model, row.phaseId), economics, activityThisPeriod: row.activityThisPeriod, activityLastPeriod: row.activityLastPeriod })
      .filter((flag) => !(flag.kind === 'high-touch-not-justified' && escalations.has(row.groupId)));
    if (flags.length > 0) flagged.push({ groupId: row.groupId, name: row.name, modelId: model.id, economics, flags });
  }
  return {
    models: models.map((model) => ({ model, economics: totalEconomics(perModel.get(model.id) ?? []) })),
    flagged: flagged.sort((a, b) => b.economics.revenue - a.economics.revenue),
  };
}
