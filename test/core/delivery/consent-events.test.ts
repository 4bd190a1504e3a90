import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { consentWithdrawal } from '../../../src/core/delivery/consent-events.js';
import { parseSegmentMessage, type SegmentMessage } from '../../../src/core/segment-messages.js';

function message(raw: Record<string, unknown>): SegmentMessage {
  const parsed = parseSegmentMessage({ userId: 'u1', messageId: 'm1', ...raw }, { receivedAt: 0, newMessageId: () => 'new' });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.message;
}

describe('consent events', () => {
  test('only track events of the e-mail spec that end e-mail withdraw consent', () => {
    assert.equal(consentWithdrawal(message({ type: 'track', event: 'Email Opened' })), null);
    assert.equal(consentWithdrawal(message({ type: 'page', name: 'Email Bounced' })), null);
    assert.equal(consentWithdrawal(message({ type: 'track', event: 'email bounced' })), null, 'event names are matched as Segment spells them');
    assert.deepEqual(consentWithdrawal(message({ type: 'track', event: 'Email Unsubscribed' })), { address: null, reason: 'unsubscribed', detail: 'Email Unsubscribed, event m1' });
  });

  test('a bounce is hard unless it says it is soft, under any of the names ESPs give the kind', () => {
    for (const soft of [{ bounce_type: 'soft' }, { bounceType: 'Transient' }, { type: 'temporary' }]) {
      assert.equal(consentWithdrawal(message({ type: 'track', event: 'Email Bounced', properties: soft })), null, JSON.stringify(soft));
    }
    assert.equal(consentWithdrawal(message({ type: 'track', event: 'Email Bounced', properties: { bounce_type: 'hard' } }))?.detail, 'Email Bounced (hard), event m1');
  });

  test('the recipient the event names is used when it is an address, else the contact’s own', () => {
    assert.equal(consentWithdrawal(message({ type: 'track', event: 'Email Marked as Spam', properties: { recipient: ' Ann@Acme.example ' } }))?.address, 'ann@acme.example');
    assert.equal(consentWithdrawal(message({ type: 'track', event: 'Email Marked as Spam', properties: { email: 'not an address' } }))?.address, null);
    assert.equal(consentWithdrawal(message({ type: 'track', event: 'Email Marked as Spam', properties: { email: 42 } }))?.address, null);
  });
});
