import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evaluateSegment } from '../../../src/core/segments/evaluate-segment.js';
import { UNHAPPY_ACCOUNTS } from '../../../src/core/segments/examples.js';
import { account, contact, context, daysAgo, track } from './fixtures.js';

const withContactEvents = (...events: ReturnType<typeof track>[]) => account('acme', { contacts: [contact('ann', { events }), contact('bob')] });

describe('unhappy accounts, the signal of the unhappy-customer escalation', () => {
  test('a detractor survey score in the last 30 days makes the account unhappy', () => {
    assert.equal(evaluateSegment(UNHAPPY_ACCOUNTS, withContactEvents(track('Survey Responded', daysAgo(3), { score: 4 })), context()), true);
    assert.equal(evaluateSegment(UNHAPPY_ACCOUNTS, withContactEvents(track('Survey Responded', daysAgo(3), { score: 7 })), context()), false, 'a passive is not a detractor');
    assert.equal(evaluateSegment(UNHAPPY_ACCOUNTS, withContactEvents(track('Survey Responded', daysAgo(31), { score: 2 })), context()), false, 'older than 30 days');
  });

  test('a review of two stars or less does too', () => {
    assert.equal(evaluateSegment(UNHAPPY_ACCOUNTS, withContactEvents(track('Product Reviewed', daysAgo(1), { rating: 2 })), context()), true);
    assert.equal(evaluateSegment(UNHAPPY_ACCOUNTS, withContactEvents(track('Product Reviewed', daysAgo(1), { rating: 4 })), context()), false);
  });
});
