import type { SegmentMessage } from './segment-messages.js';

/**
 * An interaction (touchpoint) is an event on a channel. Every later capability reads a
 * customer's history as one timeline of these.
 */
export const CHANNELS = ['email', 'chat', 'phone', 'social', 'web', 'in_app', 'in_person', 'support_ticket', 'review'] as const;
export type Channel = (typeof CHANNELS)[number];
export type Direction = 'inbound' | 'outbound';

/** What an event means to the business, used for icons and, later, lifecycle stages. */
export const CATEGORIES = ['lifecycle', 'usage', 'revenue', 'communication', 'support', 'feedback', 'navigation'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Interaction {
  channel: Channel;
  direction: Direction;
  category: Category;
  /** A rating on the scale the source used (1-5 stars, 0-10 NPS, ...), if any. */
  rating: number | null;
  /** -1 (negative) .. 1 (positive), if the source said. */
  sentiment: number | null;
  /** Money the event brought in (Order Completed), in the currency of the source. */
  revenue: number | null;
}

interface SemanticEvent {
  channel?: Channel;
  direction?: Direction;
  category: Category;
}

/**
 * Segment's semantic events, understood by name: the B2B SaaS, e-commerce, e-mail and live
 * chat specs, plus the support and survey events the field uses. Unknown names are product use.
 */
export const SEMANTIC_EVENTS: Readonly<Record<string, SemanticEvent>> = {
  // B2B SaaS spec
  'Signed Up': { category: 'lifecycle' },
  'Signed In': { category: 'usage' },
  'Signed Out': { category: 'usage' },
  'Account Created': { category: 'lifecycle' },
  'Account Deleted': { category: 'lifecycle' },
  'Account Added User': { category: 'lifecycle' },
  'Account Removed User': { category: 'lifecycle' },
  'Invite Sent': { category: 'lifecycle' },
  'Trial Started': { category: 'lifecycle' },
  'Trial Ended': { category: 'lifecycle' },
  'Subscription Started': { category: 'revenue' },
  'Subscription Renewed': { category: 'revenue' },
  'Subscription Cancelled': { category: 'revenue' },
  // E-commerce spec
  'Order Completed': { category: 'revenue', channel: 'web' },
  'Order Refunded': { category: 'revenue', channel: 'web' },
  'Order Cancelled': { category: 'revenue', channel: 'web' },
  'Product Viewed': { category: 'navigation', channel: 'web' },
  'Product Added': { category: 'usage', channel: 'web' },
  'Checkout Started': { category: 'revenue', channel: 'web' },
  'Product Reviewed': { category: 'feedback', channel: 'review' },
  // E-mail spec
  'Email Sent': { category: 'communication', channel: 'email', direction: 'outbound' },
  'Email Delivered': { category: 'communication', channel: 'email', direction: 'outbound' },
  'Email Opened': { category: 'communication', channel: 'email' },
  'Email Link Clicked': { category: 'communication', channel: 'email' },
  'Email Bounced': { category: 'communication', channel: 'email', direction: 'outbound' },
  'Email Marked as Spam': { category: 'feedback', channel: 'email' },
  'Email Replied': { category: 'communication', channel: 'email' },
  Unsubscribed: { category: 'communication', channel: 'email' },
  // Live chat spec
  'Live Chat Conversation Started': { category: 'communication', channel: 'chat' },
  'Live Chat Conversation Ended': { category: 'communication', channel: 'chat' },
  'Live Chat Message Sent': { category: 'communication', channel: 'chat' },
  'Live Chat Message Received': { category: 'communication', channel: 'chat', direction: 'outbound' },
  // Support, calls, meetings, social, surveys
  'Ticket Created': { category: 'support', channel: 'support_ticket' },
  'Ticket Updated': { category: 'support', channel: 'support_ticket' },
  'Ticket Solved': { category: 'support', channel: 'support_ticket', direction: 'outbound' },
  'Call Completed': { category: 'communication', channel: 'phone' },
  'Meeting Held': { category: 'communication', channel: 'in_person', direction: 'outbound' },
  'Training Attended': { category: 'communication', channel: 'in_person', direction: 'outbound' },
  'Social Mention': { category: 'communication', channel: 'social' },
  'Review Submitted': { category: 'feedback', channel: 'review' },
  'Survey Responded': { category: 'feedback', channel: 'in_app' },
  'NPS Submitted': { category: 'feedback', channel: 'in_app' },
};

const CHANNEL_ALIASES: Readonly<Record<string, Channel>> = {
  email: 'email', 'e-mail': 'email', mail: 'email',
  chat: 'chat', livechat: 'chat', 'live chat': 'chat',
  phone: 'phone', call: 'phone', voice: 'phone',
  social: 'social', twitter: 'social', linkedin: 'social', facebook: 'social',
  web: 'web', website: 'web', browser: 'web',
  in_app: 'in_app', 'in-app': 'in_app', app: 'in_app', product: 'in_app', mobile: 'in_app',
  in_person: 'in_person', 'in-person': 'in_person', meeting: 'in_person', onsite: 'in_person',
  support_ticket: 'support_ticket', ticket: 'support_ticket', support: 'support_ticket',
  review: 'review',
};

/** Reads a channel name as people write it ("E-mail", "in-app"); null if it is not one. */
export function normalizeChannel(value: unknown): Channel | null {
  if (typeof value !== 'string') return null;
  return CHANNEL_ALIASES[value.trim().toLowerCase()] ?? null;
}

/**
 * Classifies a message as an interaction; identify, group and alias calls change profiles
 * and are not interactions (null). Explicit `properties.channel` / `direction` win over the
 * semantic defaults, so any source can say what its events are.
 */
export function classifyInteraction(message: Pick<SegmentMessage, 'type' | 'event' | 'properties'>): Interaction | null {
  if (message.type === 'identify' || message.type === 'group' || message.type === 'alias') return null;
  const p = message.properties;
  const semantic = message.type === 'track' && message.event ? SEMANTIC_EVENTS[message.event] : undefined;
  const fallbackChannel: Channel = message.type === 'page' ? 'web' : 'in_app';
  const fallbackCategory: Category = message.type === 'track' ? 'usage' : 'navigation';
  const direction = p['direction'] === 'outbound' || p['direction'] === 'inbound' ? p['direction'] : semantic?.direction ?? 'inbound';
  return {
    channel: normalizeChannel(p['channel']) ?? semantic?.channel ?? fallbackChannel,
    direction,
    category: semantic?.category ?? fallbackCategory,
    rating: finiteNumber(p['rating']) ?? finiteNumber(p['score']),
    sentiment: sentimentOf(p['sentiment']),
    revenue: finiteNumber(p['revenue']) ?? (semantic?.category === 'revenue' ? finiteNumber(p['total']) ?? finiteNumber(p['value']) : null),
  };
}

function finiteNumber(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

const SENTIMENT_WORDS: Readonly<Record<string, number>> = { positive: 1, neutral: 0, negative: -1, mixed: 0 };

function sentimentOf(value: unknown): number | null {
  if (typeof value === 'string' && value.toLowerCase() in SENTIMENT_WORDS) return SENTIMENT_WORDS[value.toLowerCase()]!;
  const n = finiteNumber(value);
  return n === null ? null : Math.max(-1, Math.min(1, n));
}
