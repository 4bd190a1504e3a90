import type { SegmentMessage } from '../segment-messages.js';
import { isEmailAddress } from './suppression-input.js';

/** Why an address gets no more e-mail, as an event from another system says. */
export type ConsentReason = 'bounced' | 'complained' | 'unsubscribed';

/** What a consent event asks for: the address (null: the contact's own) off the mailing, and why. */
export interface ConsentWithdrawal {
  /** The recipient the event names, lower-cased; null when it names none and the contact's address is meant. */
  address: string | null;
  reason: ConsentReason;
  detail: string;
}

/**
 * Segment's e-mail events (its E-mail spec, which ESP sources such as SendGrid, Mailchimp and
 * Customer.io send into a workspace) that end e-mail to an address. A bounce is hard unless
 * the event says it was soft: a soft bounce (a full mailbox) may clear, so it stops nothing.
 */
const WITHDRAWING_EVENTS: Readonly<Record<string, ConsentReason>> = {
  'Email Bounced': 'bounced',
  'Email Marked as Spam': 'complained',
  Unsubscribed: 'unsubscribed',
  'Email Unsubscribed': 'unsubscribed',
};

/** Property names ESPs use for the kind of bounce, and the values that mean it may clear. */
const BOUNCE_TYPE_PROPERTIES = ['bounce_type', 'bounceType', 'type'] as const;
const SOFT_BOUNCES: ReadonlySet<string> = new Set(['soft', 'transient', 'temporary', 'deferred', 'blocked']);

/** Property names ESPs use for the recipient; one holding anything but an address names nobody. */
const RECIPIENT_PROPERTIES = ['email', 'email_address', 'recipient'] as const;

/**
 * The withdrawal a track event means, if any: `Email Bounced` (a hard bounce), `Email Marked
 * as Spam` and `Unsubscribed` put the recipient on the workspace's suppression list — the
 * address the event names, else the contact's own. Touchpoint's own `Email Bounced` events
 * (from its message log) never pass through here; they suppress where the bounce is met.
 */
export function consentWithdrawal(message: SegmentMessage): ConsentWithdrawal | null {
  if (message.type !== 'track' || message.event === null) return null;
  const reason = WITHDRAWING_EVENTS[message.event];
  if (!reason) return null;
  const bounceType = firstText(message.properties, BOUNCE_TYPE_PROPERTIES)?.toLowerCase() ?? null;
  if (reason === 'bounced' && bounceType !== null && SOFT_BOUNCES.has(bounceType)) return null;
  const named = firstText(message.properties, RECIPIENT_PROPERTIES);
  const address = named !== undefined && isEmailAddress(named) ? named.trim().toLowerCase() : null;
  const detail = `${message.event}${bounceType ? ` (${bounceType})` : ''}, event ${message.messageId}`;
  return { address, reason, detail };
}

function firstText(values: Record<string, unknown>, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = values[name];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}
