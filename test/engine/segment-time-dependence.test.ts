import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Condition, SubjectKind } from '../../src/core/segments/conditions.js';
import { EXAMPLE_SEGMENTS } from '../../src/core/segments/examples.js';
import { dependencyLevels, dependencyOrder, referenceScopes } from '../../src/core/segments/membership-propagation.js';
import type { SegmentDefinition } from '../../src/core/segments/segment-definition.js';
import { dependsOnTime, timeDependentSegments, timeWindowDays } from '../../src/core/segments/time-dependence.js';

const segment = (id: string, condition: Condition, subject: SubjectKind = 'contact'): SegmentDefinition => ({ id, name: id, subject, condition });

describe('which segments time alone can change', () => {
  test('windows, first and last seen and trends depend on time; traits, counts over all time and references do not', () => {
    assert.equal(dependsOnTime({ trait: { name: 'plan', op: 'eq', value: 'pro' } }), false);
    assert.equal(dependsOnTime({ event: { name: 'Signed In' } }), false);
    assert.equal(dependsOnTime({ event: { name: 'Signed In', atMost: 0 } }), false);
    assert.equal(dependsOnTime({ event: { name: 'Signed In', withinDays: 14 } }), true);
    assert.equal(dependsOnTime({ computed: { name: 'revenue', op: 'gte', value: 10 } }), false);
    assert.equal(dependsOnTime({ computed: { name: 'revenue', op: 'gte', value: 10, withinDays: 30 } }), true);
    assert.equal(dependsOnTime({ firstSeen: { olderThanDays: 30 } }), true);
    assert.equal(dependsOnTime({ lastSeen: { withinDays: 7 } }), true);
    assert.equal(dependsOnTime({ trend: { name: 'eventCount', periodDays: 7, op: 'lte', percent: -50 } }), true);
    assert.equal(dependsOnTime({ segment: { id: 'quiet' } }), false);
  });

  test('a time condition anywhere in the tree counts, under not and inside contacts too', () => {
    assert.equal(dependsOnTime({ all: [{ trait: { name: 'plan', op: 'exists' } }, { any: [{ not: { lastSeen: { withinDays: 7 } } }] }] }), true);
    assert.equal(dependsOnTime({ contacts: { atLeast: 3, condition: { lastSeen: { withinDays: 7 } } } }), true);
    assert.equal(dependsOnTime({ all: [] }), false);
  });

  test('a segment referring to a time-dependent one, at any depth, is time-dependent; unknown references are not', () => {
    const segments = [
      segment('quiet', { event: { name: 'Signed In', atMost: 0, withinDays: 14 } }),
      segment('pro', { trait: { name: 'plan', op: 'eq', value: 'pro' } }),
      segment('quiet-pros', { all: [{ segment: { id: 'pro' } }, { segment: { id: 'quiet' } }] }),
      segment('teams-of-quiet-pros', { contacts: { condition: { segment: { id: 'quiet-pros' } } } }, 'account'),
      segment('pro-or-gone', { any: [{ segment: { id: 'pro' } }, { segment: { id: 'gone' } }] }),
    ];
    assert.deepEqual([...timeDependentSegments(segments)].sort(), ['quiet', 'quiet-pros', 'teams-of-quiet-pros']);
  });

  test('of the shipped segments, activation is not time-dependent and "no login for 14 days" is', () => {
    const timed = timeDependentSegments(EXAMPLE_SEGMENTS);
    assert.deepEqual([timed.has('activated'), timed.has('no-login-for-14-days'), timed.has('accounts-with-active-teams')], [false, true, true]);
  });

  test('the window lengths are every within, older-than and trend period, a trend’s doubled', () => {
    const segments = [
      segment('a', { all: [{ event: { name: 'X', withinDays: 14 } }, { lastSeen: { withinDays: 30, olderThanDays: 7 } }] }),
      segment('b', { contacts: { condition: { computed: { name: 'eventCount', op: 'gt', value: 1, withinDays: 14 } } } }, 'account'),
      segment('c', { trend: { name: 'revenue', periodDays: 10, op: 'lt', percent: 0 } }),
      segment('d', { event: { name: 'X' } }),
    ];
    assert.deepEqual(timeWindowDays(segments), [7, 10, 14, 20, 30]);
  });
});

describe('how membership changes travel between segments', () => {
  test('a reference tests the subject itself, or inside contacts each member contact', () => {
    const scopes = referenceScopes(segment('s', { all: [{ segment: { id: 'a' } }, { contacts: { condition: { any: [{ segment: { id: 'a' } }, { segment: { id: 'b' } }] } } }] }, 'account'));
    assert.deepEqual(Object.fromEntries([...scopes].map(([id, where]) => [id, [...where].sort()])), { a: ['contacts', 'subject'], b: ['contacts'] });
  });

  /** c reads b, b reads a (and an unknown id), x reads nothing. */
  const chain = () => [
    segment('c', { segment: { id: 'b' } }),
    segment('x', { trait: { name: 'plan', op: 'exists' } }),
    segment('b', { all: [{ segment: { id: 'a' } }, { segment: { id: 'unknown' } }] }),
    segment('a', { trait: { name: 'plan', op: 'exists' } }),
  ];

  test('segments are ordered after the segments they refer to, and otherwise keep their order', () => {
    assert.deepEqual(dependencyOrder(chain()).map((s) => s.id), ['a', 'b', 'c', 'x']);
  });

  test('segments fall into levels that read only earlier levels; a cycle is broken as in the order', () => {
    const segments = [
      ...chain(),
      segment('d', { any: [{ segment: { id: 'a' } }, { segment: { id: 'c' } }] }),
      segment('p', { segment: { id: 'q' } }),
      segment('q', { segment: { id: 'p' } }),
    ];
    assert.deepEqual(dependencyLevels(segments).map((level) => level.map((s) => s.id)), [['a', 'x', 'q'], ['b', 'p'], ['c'], ['d']]);
  });
});
