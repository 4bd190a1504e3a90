import { quietUntil, nextRateWindow, type DeliveryPolicy } from '../../core/delivery/delivery-policy.js';
import type { Interaction } from '../../core/interactions.js';
import type { Contact } from '../../core/records.js';
import type { Definition } from '../../core/definitions/definition-documents.js';
import type { MessageChannel, MessageTemplate } from '../../core/templates/message-template.js';
import { messageVariables, type MessageVariables } from '../../core/templates/template-variables.js';
import type { ClaimedEffect } from '../../store/journeys/journey-effects.js';
import { renderMessage } from '../../core/templates/render-message.js';
import type { MessageRecord } from '../../store/delivery.js';
import type { EmailSender } from '../channels/email-message.js';
import { trackedHtml } from '../channels/email-tracking.js';
import { EmailDeliveryError } from '../channels/smtp-sender.js';
import type { EngineContext } from '../context.js';
import { findDefinition } from '../definitions/effective-definitions.js';
import { linkSecret, signedUrl } from '../delivery/signed-links.js';
import { batchDefinitions, DeferEffect, PermanentEffectFailure, type BatchReads, type Performer } from './effect-performers.js';
import { SendsInFlight } from './sends-in-flight.js';

const DAY_MS = 86_400_000;
const OUTBOUND_EMAIL: Interaction = { channel: 'email', direction: 'outbound', category: 'communication', rating: null, sentiment: null, revenue: null };

export interface EmailPerformerOptions {
  /** Where this server is reached from outside (`TOUCHPOINT_PUBLIC_URL`): unsubscribe links point there. */
  publicUrl: string;
}

/**
 * The `email` performer: renders the step's template for each recipient — the run's contact,
 * or every contact with an e-mail address of the run's account — in the recipient's locale,
 * and sends it, within the workspace's delivery policy:
 *
 * - consent first: an unsubscribed contact (trait `unsubscribed: true`) or an address on the
 *   suppression list gets nothing; a hard bounce (the server refuses the recipient for good)
 *   puts the address on the list. A transactional step (`email.transactional`) reaches the
 *   unsubscribed too, outside the frequency cap and quiet hours, without List-Unsubscribe
 *   headers; never a bounced, complained or hand-suppressed address;
 * - quiet hours in the contact's time zone put the message off until they end;
 * - the frequency cap skips a message to a contact who had enough this week;
 * - the channel's rate limit puts the rest off until the next minute. Messages this performer
 *   is sending at the moment count as sent, so effects performed side by side stay within it;
 *   workers in other processes see only what is logged, and may overshoot it by what they
 *   have in flight.
 *
 * Each recipient's outcome is logged under `effect key:contact` (`store.delivery`), with an
 * interaction on the contact's timeline, so a send repeated after a crash or a deferral skips
 * whoever was served. The Message-ID comes from the same key.
 */
export function emailPerformer(context: EngineContext, sender: EmailSender, options: EmailPerformerOptions): Performer<'email'> {
  const sending = new SendsInFlight();
  return async (effect, claim, reads) => {
    const { workspaceId } = claim;
    const { store, clock } = context;
    const definitions = await batchDefinitions(context, reads, workspaceId);
    const template = stepTemplate(definitions, effect.template, 'email');
    const journey = findDefinition(definitions, 'Journey', claim.journeyId);
    const policy = findDefinition(definitions, 'DeliveryPolicy');
    const recipients = await recipientsOf(context, reads, workspaceId, claim.subject);
    const secret = await reads.once(`link secret\u0000${workspaceId}`, () => linkSecret(context, workspaceId));
    let laterAt: number | null = null;
    let laterWhy = '';

    for (const contact of recipients) {
      const now = clock.now();
      const messageKey = `${effect.key}:${contact.id}`;
      if (await store.delivery.message(workspaceId, messageKey)) continue;
      const entry = (status: MessageRecord['status'], detail: string | null, subject: string | null = null): MessageRecord => ({
        messageKey, contactId: contact.id, channel: 'email', status, journeyId: claim.journeyId, stepId: effect.stepId, templateId: template.id, address: contact.email, subject, detail, at: now,
      });
      const held = await heldBack(context, workspaceId, contact, policy, now, effect.transactional === true);
      if (held) {
        await store.delivery.log(workspaceId, entry(held.status, held.detail), null);
        continue;
      }
      const quiet = policy && !effect.transactional ? quietUntil(policy, now, contact.timezone) : null;
      if (quiet !== null) {
        if (laterAt === null || quiet < laterAt) [laterAt, laterWhy] = [quiet, `quiet hours for ${contact.email}`];
        continue;
      }
      const limit = policy?.rateLimits.email?.perMinute;
      if (limit !== undefined && (await store.delivery.sentInMinute(workspaceId, 'email', now)) + sending.count(workspaceId) >= limit) {
        throw new DeferEffect(nextRateWindow(now), `the e-mail rate limit of ${limit} a minute was reached`);
      }
      const release = sending.reserve(workspaceId);
      try {
        const unsubscribeUrl = signedUrl(options.publicUrl, '/u', { workspaceId, contactId: contact.id, purpose: 'unsubscribe' }, secret);
        const variables = await recipientVariables(context, reads, claim, contact, journey ? { id: journey.id, name: journey.name, step: effect.stepId } : null, unsubscribeUrl);
        const rendered = renderMessage(template, variables, { now });
        if (rendered.channel !== 'email') throw new PermanentEffectFailure(`message template ${template.id} did not render as an e-mail`);
        const link = (purpose: 'open' | 'click', url?: string) => signedUrl(options.publicUrl, purpose === 'open' ? '/t/o' : '/t/c', { workspaceId, contactId: contact.id, purpose, messageKey, url }, secret);
        const html = trackedHtml(rendered.html, {
          pixelUrl: policy?.tracking.opens ? link('open') : null,
          linkUrl: policy?.tracking.clicks ? (href) => link('click', href) : null,
          untracked: new Set([unsubscribeUrl]),
        });
        const properties = { journeyId: claim.journeyId, stepId: effect.stepId, template: template.id, subject: rendered.subject };
        try {
          const sent = await sender.send({
            to: contact.name ? { name: contact.name, address: contact.email! } : contact.email!, subject: rendered.subject, html, text: rendered.text,
            // Transactional mail is no mailing to leave: no List-Unsubscribe headers (the link still works in the template).
            messageKey: `${workspaceId}:${messageKey}`, unsubscribe: effect.transactional ? null : { url: unsubscribeUrl },
          });
          // A crash between the send and this line sends again after the lease: the same Message-ID.
          await store.delivery.log(workspaceId, entry('sent', null, rendered.subject), { name: 'Email Sent', interaction: OUTBOUND_EMAIL, properties: { ...properties, messageId: sent.messageId } });
        } catch (error) {
          if (!(error instanceof EmailDeliveryError) || error.code !== 'email_rejected') throw error;
          // Refused for good: a hard bounce. The address gets no more e-mail, from any journey.
          await store.delivery.suppress(workspaceId, [{ address: contact.email!, reason: 'bounced', detail: error.message }], `journey ${claim.journeyId}`, now);
          await store.delivery.log(workspaceId, entry('bounced', error.message, rendered.subject), { name: 'Email Bounced', interaction: OUTBOUND_EMAIL, properties: { ...properties, reason: error.message } });
        }
      } finally {
        release();
      }
    }
    if (laterAt !== null) throw new DeferEffect(laterAt, laterWhy);
  };
}

/**
 * Why this contact gets no e-mail now, if so: no address, no consent, or the frequency cap.
 * Transactional mail is outside the cap and goes past an unsubscribe — a receipt is not a
 * mailing — but never to an address that bounced, complained or was suppressed by hand.
 */
async function heldBack(
  context: EngineContext,
  workspaceId: string,
  contact: Contact,
  policy: DeliveryPolicy | undefined,
  now: number,
  transactional: boolean,
): Promise<{ status: 'suppressed' | 'capped'; detail: string } | null> {
  if (!contact.email) return { status: 'suppressed', detail: 'the contact has no e-mail address' };
  if (contact.traits['unsubscribed'] === true && !transactional) return { status: 'suppressed', detail: 'the contact unsubscribed' };
  const suppression = await context.store.delivery.suppression(workspaceId, contact.email);
  if (suppression && !(transactional && suppression.reason === 'unsubscribed')) return { status: 'suppressed', detail: `${suppression.address} is on the suppression list (${suppression.reason})` };
  const cap = transactional ? undefined : policy?.frequencyCap;
  if (cap && (await context.store.delivery.sentCount(workspaceId, { channel: 'email', since: now - cap.days * DAY_MS, contactId: contact.id })) >= cap.messages) {
    return { status: 'capped', detail: `the frequency cap of ${cap.messages} e-mails in ${cap.days} days was reached` };
  }
  return null;
}

/** The template a message step names, for its channel; an effect naming another can never be performed. */
export function stepTemplate(definitions: readonly Definition[], id: string, channel: MessageChannel): MessageTemplate {
  const template = findDefinition(definitions, 'MessageTemplate', id);
  if (!template) throw new PermanentEffectFailure(`message template ${id} does not exist`);
  if (template.channel !== channel) throw new PermanentEffectFailure(`message template ${id} is for ${template.channel}, not ${channel === 'email' ? 'e-mail' : 'in-app messages'}`);
  return template;
}

/** A recipient's template variables: the contact, the run's account (else the contact's first), the journey. */
export async function recipientVariables(context: EngineContext, reads: BatchReads, claim: ClaimedEffect, contact: Contact, journey: MessageVariables['journey'], unsubscribeUrl?: string): Promise<MessageVariables> {
  const groupId = claim.subject.kind === 'account' ? claim.subject.id : contact.accounts[0];
  const account = groupId ? ((await reads.records(context.store).account(claim.workspaceId, groupId)) ?? null) : null;
  return messageVariables({ contact, account, journey, unsubscribeUrl });
}

/** Who a message step reaches: the run's contact, or every contact of the run's account. */
export async function recipientsOf(context: EngineContext, reads: BatchReads, workspaceId: string, subject: { kind: 'contact' | 'account'; id: string }): Promise<Contact[]> {
  const records = reads.records(context.store);
  if (subject.kind === 'contact') {
    const contact = await records.contact(workspaceId, subject.id);
    if (!contact) throw new PermanentEffectFailure(`contact ${subject.id} no longer exists`);
    return [contact];
  }
  const members = await context.store.contacts.listOfAccount(workspaceId, subject.id, 500);
  // Members are not named by the batch: read together here, in the order listed.
  const found = new Map((await context.store.contacts.findMany(workspaceId, members.map((m) => m.id))).map((c) => [c.id, c]));
  return members.flatMap((m) => found.get(m.id) ?? []);
}
