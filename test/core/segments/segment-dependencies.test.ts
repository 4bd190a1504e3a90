import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Condition, SubjectKind } from '../../../src/core/segments/conditions.js';
import { findCycle, segmentDependencies } from '../../../src/core/segments/segment-dependencies.js';
import type { SegmentDefinition } from '../../../src/core/segments/segment-definition.js';

const ref = (id: string): Condition => ({ segment: { id } });
const segment = (id: string, condition: Condition, subject: SubjectKind = 'contact'): SegmentDefinition => ({ id, name: id, subject, condition });

describe('segment dependencies', () => {
  test('references are found anywhere in the tree, once each, in order', () => {
    const definition = segment('a', { all: [ref('b'), { not: ref('c') }, { any: [ref('b'), { contacts: { condition: ref('d') } }] }] }, 'account');
    assert.deepEqual(segmentDependencies(definition), ['b', 'c', 'd']);
    assert.deepEqual(segmentDependencies(segment('x', { trait: { name: 'plan', op: 'exists' } })), []);
    assert.deepEqual(segmentDependencies(segment('y', { all: [{ trend: { name: 'eventCount', periodDays: 7, op: 'lte', percent: -50 } }, ref('b')] })), ['b']);
  });

  test('a cycle is reported as the ids along it', () => {
    assert.deepEqual(findCycle([segment('a', ref('b')), segment('b', { not: ref('c') }), segment('c', ref('a'))]), ['a', 'b', 'c', 'a']);
    assert.deepEqual(findCycle([segment('a', ref('a'))]), ['a', 'a']);
    assert.deepEqual(findCycle([segment('x', ref('a')), segment('a', ref('b')), segment('b', ref('a'))]), ['a', 'b', 'a']);
  });

  test('shared dependencies and unknown ids are not cycles', () => {
    assert.equal(findCycle([segment('a', { all: [ref('b'), ref('c')] }), segment('b', ref('c')), segment('c', ref('unknown'))]), null);
    assert.equal(findCycle([]), null);
  });
});
