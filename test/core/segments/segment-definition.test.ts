import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EXAMPLE_SEGMENTS } from '../../../src/core/segments/examples.js';
import { parseSegmentDefinition } from '../../../src/core/segments/segment-definition.js';

function issuesOf(input: unknown) {
  const result = parseSegmentDefinition(input);
  assert.ok(!result.ok, 'expected the definition to be rejected');
  return result.issues;
}

function contactSegment(condition: unknown) {
  return { id: 'test', name: 'Test', subject: 'contact', condition };
}

describe('segment definitions', () => {
  test('every example segment is valid and parses to itself', () => {
    for (const example of EXAMPLE_SEGMENTS) {
      const result = parseSegmentDefinition(structuredClone(example));
      assert.ok(result.ok, `${example.id}: ${JSON.stringify(!result.ok && result.issues)}`);
      assert.deepEqual(result.definition, example);
    }
  });

  test('a definition read from JSON, as from a YAML file or the API, is accepted', () => {
    const json = `{
      "id": "vip-in-oslo", "name": "VIPs in Oslo", "subject": "contact",
      "condition": { "all": [
        { "trait": { "name": "address.city", "op": "eq", "value": "Oslo" } },
        { "trait": { "name": "tags", "op": "contains", "value": "vip" } },
        { "not": { "segment": { "id": "churned" } } },
        { "any": [] }
      ] }
    }`;
    assert.ok(parseSegmentDefinition(JSON.parse(json)).ok);
  });

  test('a missing or malformed top level names each field', () => {
    assert.deepEqual(issuesOf(null), [{ path: '(definition)', message: 'must be an object' }]);
    assert.deepEqual(issuesOf({ id: 'Big Spenders', subject: 'lead', condition: { all: [] }, owner: 'x' }), [
      { path: 'id', message: 'must be lowercase letters, digits and single hyphens, e.g. active-enterprise' },
      { path: 'name', message: 'is required' },
      { path: 'subject', message: 'must be one of contact, account' },
      { path: 'owner', message: 'is not a known field' },
    ]);
  });

  test('a slug may not start, end or double up with hyphens', () => {
    for (const id of ['-a', 'a-', 'a--b', 'a_b', '']) assert.equal(issuesOf({ ...contactSegment({ all: [] }), id })[0]?.path, 'id');
    assert.ok(parseSegmentDefinition({ ...contactSegment({ all: [] }), id: 'top-10-accounts' }).ok);
  });

  test('a condition must have exactly one known kind', () => {
    assert.deepEqual(issuesOf(contactSegment({ all: [{}, { all: [], any: [] }, { everything: true }, 'yes'] })), [
      { path: 'condition.all.0', message: 'must have one of all, any, not, trait, event, firstSeen, lastSeen, computed, trend, segment, contacts' },
      { path: 'condition.all.1', message: 'has all and any, but a condition has exactly one kind' },
      { path: 'condition.all.2.everything', message: 'is not a known field' },
      { path: 'condition.all.2', message: 'must have one of all, any, not, trait, event, firstSeen, lastSeen, computed, trend, segment, contacts' },
      { path: 'condition.all.3', message: 'must be a condition: an object with one of all, any, not, trait, event, firstSeen, lastSeen, computed, trend, segment, contacts' },
    ]);
  });

  test('event bounds must be non-negative whole numbers with atLeast no more than atMost', () => {
    assert.deepEqual(issuesOf(contactSegment({ all: [{ all: [] }, { all: [] }, { event: { name: 'Signed In', atLeast: -1, atMost: 2.5 } }] })), [
      { path: 'condition.all.2.event.atLeast', message: 'must not be negative' },
      { path: 'condition.all.2.event.atMost', message: 'must be a whole number' },
    ]);
    assert.deepEqual(issuesOf(contactSegment({ any: [{ event: { name: 'Signed In', atLeast: 3, atMost: 1 } }] })), [
      { path: 'condition.any.0.event.atLeast', message: 'must not be more than atMost (1)' },
    ]);
  });

  test('windows are whole days from 1 to 100,000', () => {
    const paths = (withinDays: unknown) => issuesOf(contactSegment({ event: { name: 'E', withinDays } }));
    assert.deepEqual(paths(0), [{ path: 'condition.event.withinDays', message: 'must be at least 1 day' }]);
    assert.deepEqual(paths(1.5), [{ path: 'condition.event.withinDays', message: 'must be a whole number of days' }]);
    assert.deepEqual(paths(100_001), [{ path: 'condition.event.withinDays', message: 'must be at most 100000 days' }]);
    assert.deepEqual(paths('7'), [{ path: 'condition.event.withinDays', message: 'must be a number' }]);
  });

  test('each operator gets the operand it needs, and exists takes none', () => {
    const trait = (op: string, value?: unknown) => ({ trait: value === undefined ? { name: 'plan', op } : { name: 'plan', op, value } });
    assert.deepEqual(
      issuesOf(contactSegment({
        all: [
          trait('eq'), trait('eq', ['a']), trait('gt', '5'), trait('startsWith', 5), trait('in', 'pro'), trait('in', []),
          trait('in', ['pro', null]), trait('exists', true), trait('contains', { a: 1 }), { trait: { name: 'plan', op: 'notExists', value: null } },
        ],
      })),
      [
        { path: 'condition.all.0.trait.value', message: 'is required for eq' },
        { path: 'condition.all.1.trait.value', message: 'must be a string, a number or true/false for eq' },
        { path: 'condition.all.2.trait.value', message: 'must be a number for gt' },
        { path: 'condition.all.3.trait.value', message: 'must be a string for startsWith' },
        { path: 'condition.all.4.trait.value', message: 'must be a non-empty list for in' },
        { path: 'condition.all.5.trait.value', message: 'must be a non-empty list for in' },
        { path: 'condition.all.6.trait.value.1', message: 'must be a string, a number or true/false' },
        { path: 'condition.all.7.trait.value', message: 'must be left out for exists' },
        { path: 'condition.all.8.trait.value', message: 'must be a string, a number or true/false for contains' },
        { path: 'condition.all.9.trait.value', message: 'must be left out for notExists' },
      ],
    );
  });

  test('property filters are checked like traits, at their index', () => {
    assert.deepEqual(issuesOf(contactSegment({ event: { name: 'Survey Responded', where: [{ property: 'score', op: 'lte', value: 6 }, { property: 'a..b', op: 'lte' }] } })), [
      { path: 'condition.event.where.1.property', message: 'must be a name, or names joined by single dots (address.city)' },
    ]);
    assert.deepEqual(issuesOf(contactSegment({ event: { name: 'Survey Responded', where: [{ property: 'score', op: 'lte' }] } })), [
      { path: 'condition.event.where.0.value', message: 'is required for lte' },
    ]);
  });

  test('unknown operators, computed names and fields are named', () => {
    assert.deepEqual(issuesOf(contactSegment({ all: [{ trait: { name: 'plan', op: 'like', value: 'p' } }, { computed: { name: 'ltv', op: 'gt', value: 1, days: 3 } }] })), [
      { path: 'condition.all.0.trait.op', message: 'must be one of eq, neq, gt, gte, lt, lte, contains, startsWith, in, exists, notExists' },
      { path: 'condition.all.1.computed.name', message: 'must be one of revenue, eventCount' },
      { path: 'condition.all.1.computed.days', message: 'is not a known field' },
    ]);
  });

  test('computed values only take numeric comparisons', () => {
    assert.deepEqual(issuesOf(contactSegment({ computed: { name: 'revenue', op: 'contains', value: 1 } })), [
      { path: 'condition.computed.op', message: 'must be one of eq, neq, gt, gte, lt, lte for a computed value' },
    ]);
  });

  test('a trend names its value, a period of whole days, a numeric operator and a bounded percent', () => {
    assert.ok(parseSegmentDefinition(contactSegment({ trend: { name: 'eventCount', event: 'Ticket Created', periodDays: 7, op: 'gte', percent: 100 } })).ok);
    assert.deepEqual(
      issuesOf(contactSegment({
        all: [
          { trend: { name: 'eventCount', periodDays: 0, op: 'lte', percent: -50 } },
          { trend: { name: 'eventCount', periodDays: 7.5, op: 'contains', percent: '50%' } },
          { trend: { name: 'ltv', event: '', periodDays: 100_001, op: 'lte', percent: 2_000_000 } },
          { trend: { name: 'revenue', withinDays: 7 } },
        ],
      })),
      [
        { path: 'condition.all.0.trend.periodDays', message: 'must be at least 1 day' },
        { path: 'condition.all.1.trend.periodDays', message: 'must be a whole number of days' },
        { path: 'condition.all.1.trend.op', message: 'must be one of eq, neq, gt, gte, lt, lte for a trend' },
        { path: 'condition.all.1.trend.percent', message: 'must be a number' },
        { path: 'condition.all.2.trend.name', message: 'must be one of revenue, eventCount' },
        { path: 'condition.all.2.trend.event', message: 'must not be empty' },
        { path: 'condition.all.2.trend.periodDays', message: 'must be at most 100000 days' },
        { path: 'condition.all.2.trend.percent', message: 'must be at most 1000000' },
        { path: 'condition.all.3.trend.periodDays', message: 'is required' },
        { path: 'condition.all.3.trend.op', message: 'is required' },
        { path: 'condition.all.3.trend.percent', message: 'is required' },
        { path: 'condition.all.3.trend.withinDays', message: 'is not a known field' },
      ],
    );
  });

  test('first and last seen need a bound, and a range that can match', () => {
    assert.deepEqual(issuesOf(contactSegment({ all: [{ firstSeen: {} }, { lastSeen: { withinDays: 7, olderThanDays: 7 } }] })), [
      { path: 'condition.all.0.firstSeen', message: 'must have withinDays, olderThanDays or both' },
      { path: 'condition.all.1.lastSeen.withinDays', message: 'must be more than olderThanDays (7), or no time can match' },
    ]);
    assert.ok(parseSegmentDefinition(contactSegment({ firstSeen: { withinDays: 30, olderThanDays: 7 } })).ok);
  });

  test('contacts rollups are only allowed in account segments, and not inside each other', () => {
    const rollup = { contacts: { atLeast: 2, condition: { lastSeen: { withinDays: 7 } } } };
    assert.deepEqual(issuesOf(contactSegment({ not: rollup })), [{ path: 'condition.not.contacts', message: 'is only allowed in account segments' }]);
    assert.ok(parseSegmentDefinition({ id: 'a', name: 'A', subject: 'account', condition: rollup }).ok);
    assert.deepEqual(issuesOf({ id: 'a', name: 'A', subject: 'account', condition: { contacts: { condition: rollup } } }), [
      { path: 'condition.contacts.condition.contacts', message: 'is only allowed in account segments' },
    ]);
    assert.deepEqual(issuesOf({ id: 'a', name: 'A', subject: 'account', condition: { contacts: { atLeast: 5, atMost: 4 } } }), [
      { path: 'condition.contacts.condition', message: 'is required' },
    ]);
  });

  test('segment references need a segment id', () => {
    assert.deepEqual(issuesOf(contactSegment({ segment: { id: 'Churned', in: 'no' } })), [
      { path: 'condition.segment.id', message: 'must be a segment id (lowercase letters, digits, hyphens)' },
      { path: 'condition.segment.in', message: 'must be true or false' },
    ]);
  });
});
