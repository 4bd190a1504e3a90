import type { EmailSender } from '../channels/email-message.js';
import type { EngineContext } from '../context.js';
import { findDefinition } from '../definitions/effective-definitions.js';
import { placementOf, reactToMove } from '../models/model-moves.js';
import { batchDefinitions, PermanentEffectFailure, storePerformers, type EffectPerformers } from './effect-performers.js';
import { emailPerformer, type EmailPerformerOptions } from './message-performers.js';
import { webhookPerformer, type WebhookPerformerOptions } from './webhook-performer.js';
import { inAppPerformer } from './in-app-performer.js';

export interface PerformerOptions extends EmailPerformerOptions {
  webhooks: WebhookPerformerOptions;
}

/**
 * Every performer the worker needs: tasks and traits in the store, e-mail through the sender
 * (SMTP or the outbox), and engagement-model changes through the same path as every other
 * move (history, owner, tasks), webhooks signed over HTTP, and in-app messages left for the
 * product to fetch.
 */
export function journeyPerformers(context: EngineContext, sender: EmailSender, options: PerformerOptions): EffectPerformers {
  return {
    ...storePerformers(context),
    email: emailPerformer(context, sender, options),
    'in-app': inAppPerformer(context),
    webhook: webhookPerformer(context, options.webhooks),
    async 'change-model'(effect, claim, reads) {
      if (claim.subject.kind !== 'account') throw new PermanentEffectFailure('only an account journey changes an engagement model');
      const { workspaceId } = claim;
      const definitions = await batchDefinitions(context, reads, workspaceId);
      const model = findDefinition(definitions, 'EngagementModel', effect.model);
      if (!model) throw new PermanentEffectFailure(`engagement model ${effect.model} does not exist`);
      const current = await context.store.accountModels.find(workspaceId, claim.subject.id);
      const now = context.clock.now();
      const phaseId = effect.phase && model.phases.some((p) => p.id === effect.phase) ? effect.phase : model.phases[0]!.id;
      const next = { groupId: claim.subject.id, modelId: model.id, phaseId, ruleId: null, reason: effect.reason, since: now, phaseSince: now };
      const by = `journey ${claim.journeyId}`;
      if (!(await context.store.accountModels.change(workspaceId, next, by, effect.reason, current ? { expected: current } : {}))) return;
      const models = new Map(definitions.flatMap((d) => (d.kind === 'EngagementModel' ? [[d.spec.id, d.spec] as const] : [])));
      await reactToMove(context, workspaceId, { groupId: next.groupId, at: now, changedBy: by, before: current ? placementOf(models.get(current.modelId), current, null) : null, after: placementOf(model, next, null) }, definitions);
    },
  };
}
