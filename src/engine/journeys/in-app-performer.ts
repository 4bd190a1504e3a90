import type { Interaction } from '../../core/interactions.js';
import { renderMessage } from '../../core/templates/render-message.js';
import type { EngineContext } from '../context.js';
import { findDefinition } from '../definitions/effective-definitions.js';
import { batchDefinitions, PermanentEffectFailure, type Performer } from './effect-performers.js';
import { recipientsOf, recipientVariables, stepTemplate } from './message-performers.js';

const OUTBOUND_IN_APP: Interaction = { channel: 'in_app', direction: 'outbound', category: 'communication', rating: null, sentiment: null, revenue: null };

/**
 * The `in-app` performer: renders the step's in-app template for each recipient in their
 * locale and leaves it for the product to show (`GET /v1/in-app/messages`, the snippet at
 * `/v1/in-app/snippet.js`). Each message's id is `effect key:contact`, so a repeat leaves one;
 * it is logged (channel `in-app`) with an interaction on the contact's timeline.
 */
export function inAppPerformer(context: EngineContext): Performer<'in-app'> {
  return async (effect, claim, reads) => {
    const { workspaceId } = claim;
    const { store, clock } = context;
    const definitions = await batchDefinitions(context, reads, workspaceId);
    const template = stepTemplate(definitions, effect.template, 'in-app');
    const journey = findDefinition(definitions, 'Journey', claim.journeyId);
    for (const contact of await recipientsOf(context, reads, workspaceId, claim.subject)) {
      const id = `${effect.key}:${contact.id}`;
      const now = clock.now();
      const variables = await recipientVariables(context, reads, claim, contact, journey ? { id: journey.id, name: journey.name, step: effect.stepId } : null);
      const rendered = renderMessage(template, variables, { now });
      if (rendered.channel !== 'in-app') throw new PermanentEffectFailure(`message template ${template.id} did not render as an in-app message`);
      await store.inAppMessages.put(workspaceId, { id, contactId: contact.id, journeyId: claim.journeyId, templateId: template.id, locale: rendered.locale, title: rendered.title, body: rendered.body, createdAt: now });
      await store.delivery.log(
        workspaceId,
        { messageKey: id, contactId: contact.id, channel: 'in-app', status: 'sent', journeyId: claim.journeyId, stepId: effect.stepId, templateId: template.id, address: null, subject: rendered.title, detail: null, at: now },
        { name: 'In-App Message Sent', interaction: OUTBOUND_IN_APP, properties: { journeyId: claim.journeyId, stepId: effect.stepId, template: template.id, title: rendered.title, messageId: id } },
      );
    }
  };
}
