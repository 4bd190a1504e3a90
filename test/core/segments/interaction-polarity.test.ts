import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Condition } from '../../../src/core/segments/conditions.js';
import { interactionPolarity } from '../../../src/core/segments/interaction-polarity.js';

const polarity = (condition: Condition) => interactionPolarity(condition);

describe('which way added interactions can move a subject', () => {
  test('counts of events only grow: a lower bound can start holding, an upper bound stop', () => {
    assert.equal(polarity({ event: { name: 'Activated' } }), 'enter');
    assert.equal(polarity({ event: { name: 'Feature Used', atLeast: 3, withinDays: 30 } }), 'enter');
    assert.equal(polarity({ event: { name: 'Invited User', atMost: 0 } }), 'exit');
    assert.equal(polarity({ event: { name: 'Signed In', atLeast: 1, atMost: 5 } }), 'any');
    assert.equal(polarity({ computed: { name: 'eventCount', op: 'gte', value: 60, withinDays: 30 } }), 'enter');
    assert.equal(polarity({ computed: { name: 'eventCount', op: 'lt', value: 5 } }), 'exit');
    assert.equal(polarity({ computed: { name: 'eventCount', op: 'eq', value: 5 } }), 'any');
  });

  test('revenue can be refunded and trends compare periods: either way', () => {
    assert.equal(polarity({ computed: { name: 'revenue', op: 'gte', value: 100 } }), 'any');
    assert.equal(polarity({ trend: { name: 'eventCount', periodDays: 7, op: 'lte', percent: -50 } }), 'any');
  });

  test('last seen only gets later and first seen only earlier', () => {
    assert.equal(polarity({ lastSeen: { withinDays: 7 } }), 'enter');
    assert.equal(polarity({ lastSeen: { olderThanDays: 14 } }), 'exit');
    assert.equal(polarity({ lastSeen: { withinDays: 30, olderThanDays: 7 } }), 'any');
    assert.equal(polarity({ firstSeen: { withinDays: 30 } }), 'exit');
    assert.equal(polarity({ firstSeen: { olderThanDays: 180 } }), 'enter');
    assert.equal(polarity({ firstSeen: {} }), 'enter');
  });

  test('and/or keep a shared direction, not flips it, traits and references do not move', () => {
    assert.equal(polarity({ all: [{ event: { name: 'A' } }, { trait: { name: 'plan', op: 'eq', value: 'pro' } }] }), 'enter');
    assert.equal(polarity({ any: [{ event: { name: 'A' } }, { lastSeen: { olderThanDays: 14 } }] }), 'any');
    assert.equal(polarity({ not: { event: { name: 'A', atLeast: 2 } } }), 'exit');
    assert.equal(polarity({ all: [{ trait: { name: 'plan', op: 'eq', value: 'pro' } }, { segment: { id: 'x' } }] }), 'none');
  });

  test("an account's count of contacts moves the way the contacts' condition does", () => {
    assert.equal(polarity({ contacts: { atLeast: 5, condition: { lastSeen: { withinDays: 30 } } } }), 'enter');
    assert.equal(polarity({ contacts: { atMost: 0, condition: { lastSeen: { withinDays: 30 } } } }), 'exit');
    assert.equal(polarity({ contacts: { atLeast: 1, condition: { lastSeen: { olderThanDays: 30 } } } }), 'exit');
    assert.equal(polarity({ contacts: { atLeast: 1, condition: { trait: { name: 'role', op: 'eq', value: 'admin' } } } }), 'none');
  });
});
