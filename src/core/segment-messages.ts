import { z } from 'zod';
import type { FieldIssue } from './errors.js';
import { findUnstorable } from './storable-text.js';

/**
 * Segment's HTTP Tracking API messages, as Touchpoint accepts them.
 * https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/
 */
export const MESSAGE_TYPES = ['identify', 'track', 'page', 'screen', 'group', 'alias'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** Segment's documented limits: a message may be 32 KB, a batch request 500 KB. */
export const MAX_MESSAGE_BYTES = 32 * 1024;
export const MAX_BATCH_BYTES = 500 * 1024;

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const identifier = z
  .union([z.string(), z.number()], { error: 'must be a string' })
  .transform((v) => String(v))
  .refine((v) => v.length > 0 && v.length <= 1024, { error: 'must be 1 to 1024 characters' });

const timestamp = z
  .union([z.string(), z.date()], { error: 'must be an ISO-8601 date string' })
  .refine((v) => (typeof v === 'string' ? ISO_8601.test(v) && !Number.isNaN(Date.parse(v)) : !Number.isNaN(v.getTime())), {
    error: 'must be an ISO-8601 date string, e.g. 2026-01-31T12:00:00.000Z',
  })
  .transform((v) => (typeof v === 'string' ? Date.parse(v) : v.getTime()));

const object = z.record(z.string(), z.unknown(), { error: 'must be an object' });

/** The fields every message may carry; type-specific requirements are checked after. */
const messageSchema = z.object({
  type: z.enum(MESSAGE_TYPES, { error: `must be one of ${MESSAGE_TYPES.join(', ')}` }),
  messageId: identifier.optional(),
  userId: identifier.nullish(),
  anonymousId: identifier.nullish(),
  groupId: identifier.nullish(),
  previousId: identifier.nullish(),
  event: z.string({ error: 'must be a string' }).nullish(),
  name: z.string({ error: 'must be a string' }).nullish(),
  category: z.string({ error: 'must be a string' }).nullish(),
  timestamp: timestamp.nullish(),
  originalTimestamp: timestamp.nullish(),
  sentAt: timestamp.nullish(),
  properties: object.nullish(),
  traits: object.nullish(),
  context: object.nullish(),
  integrations: object.nullish(),
});

/** A validated message in the shape the store writes. Times are epoch milliseconds. */
export interface SegmentMessage {
  type: MessageType;
  messageId: string;
  userId: string | null;
  anonymousId: string | null;
  /** The account: `groupId` of a group call, or `context.groupId` of any other call. */
  groupId: string | null;
  previousId: string | null;
  /** Track: the event name. Page/screen: the page or screen name. */
  event: string | null;
  timestamp: number;
  receivedAt: number;
  properties: Record<string, unknown>;
  traits: Record<string, unknown>;
  context: Record<string, unknown>;
}

export type ParseResult = { ok: true; message: SegmentMessage } | { ok: false; issues: FieldIssue[] };

export interface ParseOptions {
  /** The type implied by the endpoint (`/v1/track`), when the body does not say. */
  type?: MessageType;
  receivedAt: number;
  /** Used when a message carries no `messageId`; retries of such a message cannot be recognised. */
  newMessageId: () => string;
  /** Prefix for issue paths, e.g. `batch.3`. */
  path?: string;
  /**
   * Imports of account rows: a group call with neither userId nor anonymousId changes the
   * account alone. Segment's API requires a person, so only imports ask for this.
   */
  allowAccountOnlyGroup?: boolean;
}

/** Checks one raw message against Segment's rules and normalises it; never throws. */
export function parseSegmentMessage(raw: unknown, options: ParseOptions): ParseResult {
  const prefix = options.path ? `${options.path}.` : '';
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, issues: [{ path: options.path ?? '(body)', message: 'must be a JSON object' }] };
  }
  const input = options.type && !('type' in raw) ? { ...raw, type: options.type } : raw;
  const parsed = messageSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        path: prefix + (issue.path.length > 0 ? issue.path.join('.') : '(message)'),
        message: issue.message,
      })),
    };
  }
  const m = parsed.data;
  const issues: FieldIssue[] = [];
  const unstorable = findUnstorable(raw);
  if (unstorable) issues.push({ path: prefix + unstorable.path, message: unstorable.message });
  const require = (field: string, present: unknown, why: string) => {
    if (present === null || present === undefined || present === '') issues.push({ path: prefix + field, message: why });
  };
  if (options.type && m.type !== options.type) {
    issues.push({ path: `${prefix}type`, message: `must be ${options.type} on this endpoint` });
  }
  if (m.type === 'alias') {
    require('userId', m.userId, 'is required for alias');
    require('previousId', m.previousId, 'is required for alias');
  } else if (!m.userId && !m.anonymousId && !(m.type === 'group' && options.allowAccountOnlyGroup)) {
    issues.push({ path: `${prefix}userId`, message: 'userId or anonymousId is required' });
  }
  if (m.type === 'track') require('event', m.event?.trim(), 'is required for track');
  if (m.type === 'group') require('groupId', m.groupId, 'is required for group');
  if (issues.length > 0) return { ok: false, issues };

  const context = m.context ?? {};
  const contextGroupId = typeof context['groupId'] === 'string' || typeof context['groupId'] === 'number' ? String(context['groupId']) : null;
  return {
    ok: true,
    message: {
      type: m.type,
      messageId: m.messageId ?? options.newMessageId(),
      userId: m.userId ?? null,
      anonymousId: m.anonymousId ?? null,
      groupId: m.groupId ?? contextGroupId,
      previousId: m.previousId ?? null,
      event: m.type === 'track' ? m.event!.trim() : (m.name ?? m.event ?? null),
      timestamp: eventTime(m, options.receivedAt),
      receivedAt: options.receivedAt,
      properties: withPageCategory(m.properties ?? {}, m.category),
      traits: m.traits ?? {},
      context,
    },
  };
}

/**
 * Segment's rule: an explicit `timestamp` wins; otherwise the client's `originalTimestamp`
 * corrected by the clock skew seen between the client's `sentAt` and our `receivedAt`.
 */
function eventTime(m: { timestamp?: number | null; originalTimestamp?: number | null; sentAt?: number | null }, receivedAt: number): number {
  if (m.timestamp != null) return m.timestamp;
  if (m.originalTimestamp != null) return m.sentAt != null ? m.originalTimestamp + (receivedAt - m.sentAt) : m.originalTimestamp;
  return receivedAt;
}

function withPageCategory(properties: Record<string, unknown>, category: string | null | undefined) {
  return category && properties['category'] === undefined ? { ...properties, category } : properties;
}
