import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Condition } from '../../../src/core/segments/conditions.js';
import { agingPolarity, interactionPolarity } from '../../../src/core/segments/polarity.js';

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

describe('which way time passing alone can move a subject', () => {
  const aging = (condition: Condition) => agingPolarity(condition);

  test('events leave windows: a lower bound can stop holding, an upper bound start; no window, no move', () => {
    assert.equal(aging({ event: { name: 'Feature Used', atLeast: 3, withinDays: 30 } }), 'exit');
    assert.equal(aging({ event: { name: 'Signed In', atMost: 0, withinDays: 14 } }), 'enter');
    assert.equal(aging({ event: { name: 'Signed In', atLeast: 1, atMost: 5, withinDays: 7 } }), 'any');
    assert.equal(aging({ event: { name: 'Activated' } }), 'none');
    assert.equal(aging({ computed: { name: 'eventCount', op: 'gte', value: 60, withinDays: 30 } }), 'exit');
    assert.equal(aging({ computed: { name: 'eventCount', op: 'lt', value: 5, withinDays: 30 } }), 'enter');
    assert.equal(aging({ computed: { name: 'eventCount', op: 'eq', value: 5, withinDays: 30 } }), 'any');
    assert.equal(aging({ computed: { name: 'eventCount', op: 'gte', value: 60 } }), 'none');
  });

  test('revenue in a window and trends move either way; revenue over all time does not move', () => {
    assert.equal(aging({ computed: { name: 'revenue', op: 'gte', value: 100, withinDays: 365 } }), 'any');
    assert.equal(aging({ computed: { name: 'revenue', op: 'gte', value: 100 } }), 'none');
    assert.equal(aging({ trend: { name: 'eventCount', periodDays: 7, op: 'lte', percent: -50 } }), 'any');
  });

  test('first and last seen only grow older', () => {
    assert.equal(aging({ lastSeen: { withinDays: 7 } }), 'exit');
    assert.equal(aging({ lastSeen: { olderThanDays: 14 } }), 'enter');
    assert.equal(aging({ firstSeen: { withinDays: 30 } }), 'exit');
    assert.equal(aging({ firstSeen: { olderThanDays: 180 } }), 'enter');
    assert.equal(aging({ lastSeen: { withinDays: 30, olderThanDays: 7 } }), 'any');
    assert.equal(aging({ lastSeen: {} }), 'none');
  });

  test('and/or keep a shared direction, not flips it, contacts roll up their condition', () => {
    assert.equal(aging({ all: [{ lastSeen: { withinDays: 7 } }, { trait: { name: 'plan', op: 'eq', value: 'pro' } }] }), 'exit');
    assert.equal(aging({ any: [{ lastSeen: { withinDays: 7 } }, { lastSeen: { olderThanDays: 14 } }] }), 'any');
    assert.equal(aging({ not: { lastSeen: { withinDays: 14 } } }), 'enter');
    assert.equal(aging({ contacts: { atLeast: 3, condition: { lastSeen: { withinDays: 7 } } } }), 'exit');
    assert.equal(aging({ contacts: { atMost: 0, condition: { lastSeen: { withinDays: 7 } } } }), 'enter');
    assert.equal(aging({ contacts: { atLeast: 1, condition: { event: { name: 'Activated' } } } }), 'none');
  });
});
