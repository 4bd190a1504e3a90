import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SegmentDefinition } from '../../../src/core/segments/segment-definition.js';
import { segmentAffectedBy, unionWriteKinds } from '../../../src/core/segments/write-relevance.js';

const segment = (condition: SegmentDefinition['condition'], subject: 'contact' | 'account' = 'contact'): SegmentDefinition => ({ id: 's', name: 's', subject, condition });
const interactions = (...eventNames: string[]) => ({ profiles: false, interactions: true, eventNames });

describe('which segments a write can affect', () => {
  test('a profile change, or a write that did not say, affects every segment', () => {
    assert.equal(segmentAffectedBy(segment({ trait: { name: 'plan', op: 'eq', value: 'pro' } }), { profiles: true, interactions: false, eventNames: [] }), true);
    assert.equal(segmentAffectedBy(segment({ trait: { name: 'plan', op: 'eq', value: 'pro' } }), undefined), true);
  });
  test('interactions alone do not move a segment on traits', () => {
    assert.equal(segmentAffectedBy(segment({ trait: { name: 'plan', op: 'eq', value: 'pro' } }), interactions('Signed In')), false);
  });
  test('event conditions are affected only by the names written, even inside not, any and contacts roll-ups', () => {
    const surveys = segment({ not: { any: [{ event: { name: 'Survey Responded' } }, { trait: { name: 'x', op: 'exists' } }] } });
    assert.equal(segmentAffectedBy(surveys, interactions('Signed In')), false);
    assert.equal(segmentAffectedBy(surveys, interactions('Survey Responded')), true);
    const rollUp = segment({ contacts: { atLeast: 1, condition: { event: { name: 'Ticket Created' } } } }, 'account');
    assert.equal(segmentAffectedBy(rollUp, interactions('Ticket Created')), true);
  });
  test('first and last seen, computed values and trends over all interactions are affected by any interaction', () => {
    assert.equal(segmentAffectedBy(segment({ lastSeen: { withinDays: 7 } }), interactions()), true);
    assert.equal(segmentAffectedBy(segment({ computed: { name: 'revenue', op: 'gte', value: 1 } }), interactions('Order Completed')), true);
    assert.equal(segmentAffectedBy(segment({ trend: { name: 'eventCount', event: 'Ticket Created', periodDays: 7, op: 'gte', percent: 100 } }), interactions('Signed In')), false);
    assert.equal(segmentAffectedBy(segment({ lastSeen: { withinDays: 7 } }), { profiles: false, interactions: false, eventNames: [] }), false);
  });
  test('revenue measures are affected only by interactions that carried revenue', () => {
    const noRevenue = { ...interactions('Signed In'), revenue: false };
    const withRevenue = { ...interactions('Order Completed'), revenue: true };
    const revenue = segment({ computed: { name: 'revenue', op: 'gte', value: 1_000, withinDays: 365 } });
    assert.equal(segmentAffectedBy(revenue, noRevenue), false);
    assert.equal(segmentAffectedBy(revenue, withRevenue), true);
    assert.equal(segmentAffectedBy(segment({ computed: { name: 'eventCount', op: 'gte', value: 10 } }), noRevenue), true);
    assert.equal(segmentAffectedBy(segment({ trend: { name: 'revenue', periodDays: 30, op: 'lte', percent: -20 } }), noRevenue), false);
    assert.equal(segmentAffectedBy(segment({ trend: { name: 'revenue', periodDays: 30, op: 'lte', percent: -20 } }), withRevenue), true);
    assert.equal(unionWriteKinds(noRevenue, withRevenue)?.revenue, true);
    assert.equal(unionWriteKinds(noRevenue, interactions('A'))?.revenue, undefined);
  });
  test('writes sharing a refresh add up; one that did not say makes the whole unknown', () => {
    assert.deepEqual(unionWriteKinds(interactions('A'), { profiles: true, interactions: false, eventNames: ['B'] }), { profiles: true, interactions: true, eventNames: ['A', 'B'] });
    assert.equal(unionWriteKinds(interactions('A'), undefined), undefined);
  });
});
