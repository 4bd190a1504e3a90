import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nextRateWindow, parseDeliveryPolicy, quietUntil, SHIPPED_DELIVERY_POLICY, type DeliveryPolicy } from '../../../src/core/delivery/delivery-policy.js';
import { signLink, verifyLink } from '../../../src/core/delivery/link-tokens.js';

const night: DeliveryPolicy = { id: 'default', quietHours: { from: '21:00', to: '08:00' }, rateLimits: {}, tracking: { opens: true, clicks: true } };
const lunch: DeliveryPolicy = { id: 'default', quietHours: { from: '12:00', to: '13:30' }, rateLimits: {}, tracking: { opens: true, clicks: true } };

describe('quiet hours', () => {
  test('across midnight, in the contact’s zone: from is quiet, to is not', () => {
    // 20:59 and 21:00 in Oslo (UTC+1 in March).
    assert.equal(quietUntil(night, Date.UTC(2026, 2, 2, 19, 59), 'Europe/Oslo'), null);
    assert.equal(quietUntil(night, Date.UTC(2026, 2, 2, 20, 0), 'Europe/Oslo'), Date.UTC(2026, 2, 3, 7, 0));
    // 03:00 in Oslo: until 08:00 the same morning.
    assert.equal(quietUntil(night, Date.UTC(2026, 2, 3, 2, 0), 'Europe/Oslo'), Date.UTC(2026, 2, 3, 7, 0));
    assert.equal(quietUntil(night, Date.UTC(2026, 2, 3, 7, 0), 'Europe/Oslo'), null);
    // The same moment is afternoon in New York.
    assert.equal(quietUntil(night, Date.UTC(2026, 2, 2, 20, 0), 'America/New_York'), null);
  });

  test('within a day; an unknown zone is UTC; no quiet hours, never quiet', () => {
    assert.equal(quietUntil(lunch, Date.UTC(2026, 2, 2, 12, 45), 'Not/AZone'), Date.UTC(2026, 2, 2, 13, 30));
    assert.equal(quietUntil(lunch, Date.UTC(2026, 2, 2, 13, 30), null), null);
    assert.equal(quietUntil({ id: 'default', rateLimits: {}, tracking: { opens: false, clicks: false } }, Date.UTC(2026, 2, 2, 3), null), null);
  });

  test('the morning after the spring-forward night comes at 08:00 local, summer time', () => {
    // Europe/Oslo moves to UTC+2 on 29 March 2026.
    assert.equal(quietUntil(night, Date.UTC(2026, 2, 28, 23, 0), 'Europe/Oslo'), Date.UTC(2026, 2, 29, 6, 0));
  });
});

describe('the delivery policy as a definition', () => {
  test('the shipped one parses; problems name the field', () => {
    assert.ok(parseDeliveryPolicy(SHIPPED_DELIVERY_POLICY).ok);
    const bad = parseDeliveryPolicy({ id: 'night', quietHours: { from: '25:00', to: '08:00' }, frequencyCap: { messages: 0, days: 7 } });
    assert.ok(!bad.ok);
    assert.deepEqual(bad.issues.map((i) => i.path).sort(), ['frequencyCap.messages', 'id', 'quietHours.from']);
  });

  test('a rate limit window is a whole minute', () => {
    assert.equal(nextRateWindow(Date.UTC(2026, 2, 2, 12, 0, 30)), Date.UTC(2026, 2, 2, 12, 1));
  });
});

describe('signed links', () => {
  const subject = { workspaceId: 'acme', contactId: 'c-1', purpose: 'unsubscribe' as const };
  test('a token verifies under its secret only, and not once altered', () => {
    const token = signLink(subject, 'secret-1');
    assert.deepEqual(verifyLink(token, 'secret-1'), subject);
    assert.equal(verifyLink(token, 'secret-2'), null);
    const other = signLink({ ...subject, contactId: 'c-2' }, 'secret-1');
    assert.equal(verifyLink(`${other.split('.')[0]}.${token.split('.')[1]}`, 'secret-1'), null, 'a signature does not move to another contact');
    assert.equal(verifyLink('garbage', 'secret-1'), null);
  });
});
