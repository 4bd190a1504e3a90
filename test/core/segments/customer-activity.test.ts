import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evaluateCondition } from '../../../src/core/segments/evaluate-segment.js';
import type { SubjectEvent } from '../../../src/core/segments/subjects.js';
import { USAGE_COLLAPSED } from '../../../src/core/segments/examples.js';
import { account, contact, context, daysAgo, track } from './fixtures.js';

/** An e-mail a journey sent: an interaction on the e-mail channel, outbound. */
const sent = (at: number): SubjectEvent => ({ type: 'track', name: 'Email Sent', timestamp: at, properties: {}, revenue: null, channel: 'email', direction: 'outbound' });

describe('what counts as the customer’s own activity', () => {
  test('e-mails sent to a contact do not make them seen, nor count as events', () => {
    const quiet = contact('c', { events: [track('Signed In', daysAgo(20)), sent(daysAgo(2)), sent(daysAgo(1))] });
    assert.equal(evaluateCondition({ lastSeen: { withinDays: 7 } }, quiet, context()), false);
    assert.equal(evaluateCondition({ lastSeen: { olderThanDays: 14 } }, quiet, context()), true);
    assert.equal(evaluateCondition({ computed: { name: 'eventCount', op: 'eq', value: 1, withinDays: 30 } }, quiet, context()), true);
    // A named event counts whatever its direction.
    assert.equal(evaluateCondition({ event: { name: 'Email Sent', atLeast: 2, withinDays: 7 } }, quiet, context()), true);
  });

  test('the end of an e-mail sequence is not usage collapsing', () => {
    const steady = (days: number[]) => days.map((d) => track('Feature Used', daysAgo(d)));
    // Ten interactions a week of the customer's own, and three e-mails a day in the week before (counted, they would make a 64% drop).
    const events = [...steady([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12]), ...[8, 9, 10, 11, 12, 13].flatMap((d) => [sent(daysAgo(d)), sent(daysAgo(d)), sent(daysAgo(d))])];
    assert.equal(evaluateCondition(USAGE_COLLAPSED.condition, account('acme', { events }), context()), false);
  });
});
