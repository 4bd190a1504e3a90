import { randomUUID } from 'node:crypto';
import { readLink } from '../../core/delivery/link-tokens.js';
import { parseSegmentMessage, type SegmentMessage } from '../../core/segment-messages.js';
import type { Contact } from '../../core/records.js';
import type { EngineContext } from '../context.js';
import type { Ingestion } from '../ingest.js';
import { verifiedLink } from './signed-links.js';

export type UnsubscribeOutcome = { ok: true; address: string | null } | { ok: false; reason: 'invalid_link' | 'unknown_contact' };

/** The contact an unsubscribe link names, if its signature holds: what the confirmation page shows. */
export async function unsubscribeLinkContact(context: EngineContext, token: string): Promise<{ workspaceId: string; contact: Contact; address: string | null } | null> {
  const subject = await verifiedLink(context, token);
  if (!subject || subject.purpose !== 'unsubscribe') return null;
  const contact = await context.store.contacts.findById(subject.workspaceId, subject.contactId);
  return contact ? { workspaceId: subject.workspaceId, contact, address: contact.email } : null;
}

/**
 * Unsubscribes the contact a signed link names: its address goes on the suppression list, and
 * an `identify` (trait `unsubscribed: true`) and an `Unsubscribed` track event go through
 * ingestion like any other message, so segments see the trait and the timeline shows it.
 * Doing it twice changes nothing more.
 */
export async function unsubscribe(context: EngineContext, ingestion: Ingestion, token: string): Promise<UnsubscribeOutcome> {
  const named = await unsubscribeLinkContact(context, token);
  if (!named) return { ok: false, reason: readLink(token) ? 'unknown_contact' : 'invalid_link' };
  const { workspaceId, contact, address } = named;
  const now = context.clock.now();
  if (address) await context.store.delivery.suppress(workspaceId, [{ address, reason: 'unsubscribed', detail: 'by the link in an e-mail' }], 'the contact', now);
  if (contact.traits['unsubscribed'] !== true) {
    const who = contact.userIds[0] ? { userId: contact.userIds[0] } : contact.anonymousIds[0] ? { anonymousId: contact.anonymousIds[0] } : null;
    // A contact is known by at least one identity; without one the trait is set directly.
    if (!who) await context.store.journeys.setTrait(workspaceId, { kind: 'contact', id: contact.id }, 'unsubscribed', true, now);
    else await ingestion.queue.submit(workspaceId, [
      message({ type: 'identify', ...who, traits: { unsubscribed: true } }, now),
      message({ type: 'track', ...who, event: 'Unsubscribed', properties: { email: address, channel: 'email' } }, now),
    ]);
  }
  return { ok: true, address };
}

function message(raw: Record<string, unknown>, now: number): SegmentMessage {
  const result = parseSegmentMessage({ ...raw, messageId: `unsubscribe-${randomUUID()}`, timestamp: new Date(now).toISOString() }, { receivedAt: now, newMessageId: randomUUID });
  if (!result.ok) throw new Error(`invalid unsubscribe message: ${JSON.stringify(result.issues)}`);
  return result.message;
}
