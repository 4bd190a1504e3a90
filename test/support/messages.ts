import { randomUUID } from 'node:crypto';
import { parseSegmentMessage, type SegmentMessage } from '../../src/core/segment-messages.js';

/** Validates raw Segment messages as the API would, for tests that write to the store directly. */
export function messages(raw: object[], receivedAt = Date.UTC(2026, 0, 15, 12)): SegmentMessage[] {
  return raw.map((m, index) => {
    const result = parseSegmentMessage(m, { receivedAt: receivedAt + index, newMessageId: () => randomUUID() });
    if (!result.ok) throw new Error(`test message ${index} invalid: ${JSON.stringify(result.issues)}`);
    return result.message;
  });
}

export const newId = () => randomUUID();
