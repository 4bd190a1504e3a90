import type { Contact } from '../../core/records.js';
import { messageVariables } from '../../core/templates/template-variables.js';
import { renderMessage } from '../../core/templates/render-message.js';
import type { EmailSender } from '../channels/email-message.js';
import type { EngineContext } from '../context.js';
import { effectiveDefinitions } from '../definitions/effective-definitions.js';
import { PermanentEffectFailure, type Performer } from './effect-performers.js';

/**
 * The `email` performer: renders the step's template for each recipient — the run's contact,
 * or every contact with an e-mail address of the run's account — in the recipient's locale,
 * and sends it. The Message-ID comes from `workspace:effect key:contact`, so a send repeated
 * after a crash is the same message. A contact without an address, or one whose
 * `unsubscribed` trait is true, gets nothing.
 */
export function emailPerformer(context: EngineContext, sender: EmailSender): Performer<'email'> {
  return async (effect, claim) => {
    const { workspaceId } = claim;
    const definitions = await effectiveDefinitions(context, workspaceId);
    const template = definitions.flatMap((d) => (d.kind === 'MessageTemplate' && d.spec.id === effect.template ? [d.spec] : []))[0];
    if (!template) throw new PermanentEffectFailure(`message template ${effect.template} does not exist`);
    if (template.channel !== 'email') throw new PermanentEffectFailure(`message template ${effect.template} is for ${template.channel}, not e-mail`);
    const journey = definitions.flatMap((d) => (d.kind === 'Journey' && d.spec.id === claim.journeyId ? [d.spec] : []))[0];
    const recipients: Contact[] = [];
    if (claim.subject.kind === 'contact') {
      const contact = await context.store.contacts.findById(workspaceId, claim.subject.id);
      if (!contact) throw new PermanentEffectFailure(`contact ${claim.subject.id} no longer exists`);
      recipients.push(contact);
    } else {
      for (const member of await context.store.contacts.listOfAccount(workspaceId, claim.subject.id, 500)) {
        const contact = await context.store.contacts.findById(workspaceId, member.id);
        if (contact) recipients.push(contact);
      }
    }
    for (const contact of recipients) {
      if (!contact.email || contact.traits['unsubscribed'] === true) continue;
      const groupId = claim.subject.kind === 'account' ? claim.subject.id : contact.accounts[0];
      const account = groupId ? ((await context.store.accounts.find(workspaceId, groupId)) ?? null) : null;
      const variables = messageVariables({ contact, account, journey: journey ? { id: journey.id, name: journey.name, step: effect.stepId } : null });
      const rendered = renderMessage(template, variables, { now: context.clock.now() });
      await sender.send({ to: contact.name ? { name: contact.name, address: contact.email } : contact.email, subject: rendered.subject, html: rendered.html, text: rendered.text, messageKey: `${workspaceId}:${effect.key}:${contact.id}`, unsubscribe: null });
    }
  };
}
