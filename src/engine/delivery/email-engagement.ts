import { createHash, randomUUID } from 'node:crypto';
import type { LinkSubject } from '../../core/delivery/link-tokens.js';
import { parseSegmentMessage } from '../../core/segment-messages.js';
import type { EngineContext } from '../context.js';
import type { Ingestion } from '../ingest.js';

/**
 * Records that a contact opened an e-mail (`Email Opened`) or followed one of its links
 * (`Email Link Clicked`, with the `url`), as track events through ingestion like any other,
 * so they are on the timeline and in segments. The event's messageId is made from the message
 * (and link), so ingestion keeps the first open of each message and the first click of each
 * link once, however often the image is loaded or the link followed.
 */
export async function recordEmailEngagement(context: EngineContext, ingestion: Ingestion, link: LinkSubject): Promise<void> {
  if (!link.messageKey || (link.purpose !== 'open' && link.purpose !== 'click')) return;
  const contact = await context.store.contacts.findById(link.workspaceId, link.contactId);
  const who = contact?.userIds[0] ? { userId: contact.userIds[0] } : contact?.anonymousIds[0] ? { anonymousId: contact.anonymousIds[0] } : null;
  if (!who) return; // merged away or deleted since: nothing to attach it to
  const logged = await context.store.delivery.message(link.workspaceId, link.messageKey);
  const now = context.clock.now();
  const event = link.purpose === 'open' ? 'Email Opened' : 'Email Link Clicked';
  const messageId = `${link.purpose}:${createHash('sha256').update(`${link.messageKey}\n${link.url ?? ''}`).digest('hex').slice(0, 32)}`;
  const properties = { channel: 'email', messageKey: link.messageKey, journeyId: logged?.journeyId ?? null, template: logged?.templateId ?? null, subject: logged?.subject ?? null, ...(link.url ? { url: link.url } : {}) };
  const parsed = parseSegmentMessage({ type: 'track', ...who, event, properties, messageId, timestamp: new Date(now).toISOString() }, { receivedAt: now, newMessageId: randomUUID });
  if (parsed.ok) await ingestion.queue.submit(link.workspaceId, [parsed.message]);
}
