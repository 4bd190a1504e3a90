import type { FieldIssue } from './errors.js';
import { MAX_NESTING } from './storable-text.js';
import { MAX_MESSAGE_BYTES, parseSegmentMessage, type MessageType, type SegmentMessage } from './segment-messages.js';

export interface ParsedRequest {
  messages: SegmentMessage[];
  /** Problems of the messages that were left out, each naming the message and the field. */
  issues: FieldIssue[];
}

interface RequestOptions {
  receivedAt: number;
  newMessageId: () => string;
}

/**
 * A `/v1/batch` body. Per message: the good messages are kept even when others are rejected,
 * so that one bad event in a batch never costs the rest. `context` and `integrations` at the
 * top of the batch apply to every message that does not set its own.
 */
export function parseBatchRequest(body: unknown, options: RequestOptions): ParsedRequest {
  if (!isObject(body)) return { messages: [], issues: [{ path: '(body)', message: 'must be a JSON object with a batch array' }] };
  const batch = body['batch'];
  if (!Array.isArray(batch)) return { messages: [], issues: [{ path: 'batch', message: 'must be an array of messages' }] };
  const shared = isObject(body['context']) ? body['context'] : undefined;
  const messages: SegmentMessage[] = [];
  const issues: FieldIssue[] = [];
  batch.forEach((raw: unknown, index) => {
    const path = `batch.${index}`;
    const withContext = shared && isObject(raw) && raw['context'] === undefined ? { ...raw, context: shared } : raw;
    const result = parseSized(withContext, { ...options, path });
    if (result.ok) messages.push(result.message);
    else issues.push(...result.issues);
  });
  return { messages, issues };
}

/** The body of `/v1/identify`, `/v1/track`, ...: one message of the endpoint's type. */
export function parseSingleRequest(body: unknown, type: MessageType, options: RequestOptions): ParsedRequest {
  const result = parseSized(body, { ...options, type });
  return result.ok ? { messages: [result.message], issues: [] } : { messages: [], issues: result.issues };
}

/** Size of a message as JSON, or null when it nests too deeply to be written as JSON at all. */
export function messageBytes(raw: unknown): number | null {
  try {
    return Buffer.byteLength(JSON.stringify(raw) ?? '');
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

function parseSized(raw: unknown, options: RequestOptions & { type?: MessageType; path?: string }) {
  const bytes = messageBytes(raw);
  if (bytes === null) {
    return { ok: false as const, issues: [{ path: options.path ?? '(body)', message: `nests deeper than ${MAX_NESTING} levels` }] };
  }
  if (bytes > MAX_MESSAGE_BYTES) {
    return { ok: false as const, issues: [{ path: options.path ?? '(body)', message: `message is ${bytes} bytes; the limit is ${MAX_MESSAGE_BYTES} (32 KB)` }] };
  }
  return parseSegmentMessage(raw, options);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
