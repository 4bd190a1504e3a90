import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseBatchRequest, parseSingleRequest } from '../../src/core/segment-batch.js';
import { parseSegmentMessage } from '../../src/core/segment-messages.js';

const receivedAt = Date.UTC(2026, 0, 15, 12);
let n = 0;
const options = { receivedAt, newMessageId: () => `generated-${++n}` };

describe('Segment messages', () => {
  test('a track call is normalised with its event, ids, properties and explicit timestamp', () => {
    const result = parseSegmentMessage(
      { type: 'track', userId: 42, event: ' Signed Up ', messageId: 'm-1', timestamp: '2026-01-10T08:00:00Z', properties: { plan: 'pro' }, context: { groupId: 'acme' } },
      options,
    );
    assert.ok(result.ok);
    assert.equal(result.message.userId, '42');
    assert.equal(result.message.event, 'Signed Up');
    assert.equal(result.message.groupId, 'acme');
    assert.equal(result.message.timestamp, Date.UTC(2026, 0, 10, 8));
    assert.deepEqual(result.message.properties, { plan: 'pro' });
  });

  test('without a timestamp the client time is corrected by the clock skew between sentAt and receipt', () => {
    const result = parseSegmentMessage(
      { type: 'page', anonymousId: 'a', originalTimestamp: '2026-01-15T11:59:00Z', sentAt: '2026-01-15T11:59:30Z' },
      options,
    );
    assert.ok(result.ok);
    assert.equal(result.message.timestamp, receivedAt - 30_000);
  });

  test('a message without userId and anonymousId is rejected naming userId', () => {
    const result = parseSegmentMessage({ type: 'identify', traits: {} }, options);
    assert.ok(!result.ok);
    assert.deepEqual(result.issues, [{ path: 'userId', message: 'userId or anonymousId is required' }]);
  });

  test('a track without event and a bad timestamp are rejected with the message index and field', () => {
    const { messages, issues } = parseBatchRequest(
      { batch: [{ type: 'track', userId: 'u' }, { type: 'track', userId: 'u', event: 'E', timestamp: 'yesterday' }, { type: 'track', userId: 'u', event: 'Good' }] },
      options,
    );
    assert.equal(messages.length, 1);
    assert.deepEqual(issues.map((i) => i.path), ['batch.0.event', 'batch.1.timestamp']);
  });

  test('a message over 32 KB is rejected with its size', () => {
    const { issues } = parseSingleRequest({ userId: 'u', event: 'Big', properties: { blob: 'x'.repeat(33 * 1024) } }, 'track', options);
    assert.equal(issues.length, 1);
    assert.match(issues[0]!.message, /limit is 32768/);
  });

  test('the endpoint type applies when the body does not say, and a different type is refused', () => {
    assert.equal(parseSingleRequest({ userId: 'u', traits: { a: 1 } }, 'identify', options).messages[0]?.type, 'identify');
    const { issues } = parseSingleRequest({ type: 'identify', userId: 'u', event: 'x' }, 'track', options);
    assert.deepEqual(issues.map((i) => i.path), ['type']);
  });

  test('a message without messageId gets a generated one', () => {
    const { messages } = parseSingleRequest({ userId: 'u', event: 'E' }, 'track', options);
    assert.match(messages[0]!.messageId, /^generated-/);
  });

  test('batch-level context applies to messages that have none', () => {
    const { messages } = parseBatchRequest({ context: { groupId: 'g' }, batch: [{ type: 'track', userId: 'u', event: 'E' }] }, options);
    assert.equal(messages[0]!.groupId, 'g');
  });

  test('group requires groupId and alias requires previousId', () => {
    assert.deepEqual(parseSingleRequest({ userId: 'u' }, 'group', options).issues.map((i) => i.path), ['groupId']);
    assert.deepEqual(parseSingleRequest({ userId: 'u' }, 'alias', options).issues.map((i) => i.path), ['previousId']);
  });

  test('a body that is not a batch names the batch field', () => {
    assert.deepEqual(parseBatchRequest({ messages: [] }, options).issues, [{ path: 'batch', message: 'must be an array of messages' }]);
  });
});
