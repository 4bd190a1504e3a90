import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Condition } from '../../../src/core/segments/conditions.js';
import { evaluateSegment } from '../../../src/core/segments/evaluate-segment.js';
import { EXAMPLE_SEGMENTS } from '../../../src/core/segments/examples.js';
import { explainCondition, explainSegment } from '../../../src/core/segments/explain-segment.js';
import type { Subject } from '../../../src/core/segments/subjects.js';
import { account, contact, context, daysAgo, track } from './fixtures.js';

/** `count` track events a minute apart, just before `days` days ago. */
const eventsBefore = (days: number, count: number, name = 'Feature Used') => Array.from({ length: count }, (_, i) => track(name, daysAgo(days) - (i + 1) * 60_000));

const sentence = (condition: Condition, subject: Subject, members: string[] = []) => explainCondition(condition, subject, context(members)).sentence;

describe('segment explanations', () => {
  const user = contact('c1', {
    traits: { plan: 'pro' },
    events: [1, 2, 3, 8].map((d) => track('Signed In', daysAgo(d))).concat([track('Order Completed', daysAgo(20), {}, 120)]),
  });

  test('an event condition says how often it happened and what was required', () => {
    assert.equal(sentence({ event: { name: 'Signed In', atLeast: 3, withinDays: 7 } }, user), 'performed Signed In 3 times in the last 7 days (required: at least 3)');
    assert.equal(sentence({ event: { name: 'Invite Sent', atMost: 0 } }, user), 'performed Invite Sent 0 times ever (required: none)');
    assert.equal(sentence({ event: { name: 'Signed In', atLeast: 1, atMost: 2, withinDays: 1 } }, user), 'performed Signed In 1 time in the last day (required: between 1 and 2)');
    assert.equal(
      sentence({ event: { name: 'Survey Responded', where: [{ property: 'score', op: 'lte', value: 6 }], withinDays: 90 } }, user),
      'performed Survey Responded (where score at most 6) 0 times in the last 90 days (required: at least 1)',
    );
  });

  test('a trait condition shows the value found, or that it is missing', () => {
    assert.equal(sentence({ trait: { name: 'plan', op: 'in', value: ['pro', 'team'] } }, user), 'plan is "pro" (required: one of ["pro","team"])');
    assert.equal(sentence({ trait: { name: 'company.size', op: 'exists' } }, user), 'company.size is missing (required: present)');
  });

  test('seen, computed and segment conditions read naturally', () => {
    assert.equal(sentence({ lastSeen: { olderThanDays: 14 } }, user), 'last seen 1 day ago (required: more than 14 days ago)');
    assert.equal(sentence({ firstSeen: { withinDays: 30, olderThanDays: 7 } }, user), 'first seen 20 days ago (required: in the last 30 days and more than 7 days ago)');
    assert.equal(sentence({ lastSeen: { withinDays: 7 } }, contact('new')), 'never seen (required: in the last 7 days)');
    assert.equal(sentence({ computed: { name: 'revenue', op: 'gte', value: 10_000, withinDays: 365 } }, user), 'revenue is 120 in the last 365 days (required: at least 10000)');
    assert.equal(sentence({ computed: { name: 'eventCount', op: 'gt', value: 2 } }, user), 'event count is 5 ever (required: more than 2)');
    assert.equal(sentence({ segment: { id: 'detractors', in: false } }, user, ['detractors:c1']), 'is in segment detractors (required: not in it)');
  });

  test('a trend says how the value changed, from what to what, and what was required', () => {
    const collapsed = account('acme', { events: [...eventsBefore(0, 8), ...eventsBefore(7, 21)] });
    assert.deepEqual(explainCondition({ trend: { name: 'eventCount', periodDays: 7, op: 'lte', percent: -50 } }, collapsed, context()), {
      kind: 'trend',
      holds: true,
      sentence: 'event count over the last 7 days changed by -62% (8 against 21 in the 7 days before; required: at most -50%)',
      children: [],
    });
    const tickets = account('acme', { events: [...eventsBefore(0, 5, 'Ticket Created'), ...eventsBefore(7, 2, 'Ticket Created')] });
    assert.equal(
      sentence({ trend: { name: 'eventCount', event: 'Ticket Created', periodDays: 7, op: 'gte', percent: 100 } }, tickets),
      'event count of Ticket Created over the last 7 days changed by +150% (5 against 2 in the 7 days before; required: at least +100%)',
    );
    assert.equal(
      sentence({ trend: { name: 'revenue', periodDays: 1, op: 'gt', percent: 0 } }, contact('c', { events: [track('Order Completed', daysAgo(1.5), {}, 40)] })),
      'revenue over the last day changed by -100% (0 against 40 in the day before; required: more than 0%)',
    );
  });

  test('a trend without anything in the period before says there is no trend', () => {
    const fresh = account('acme', { events: eventsBefore(0, 3, 'Ticket Created') });
    const explanation = explainCondition({ trend: { name: 'eventCount', event: 'Ticket Created', periodDays: 7, op: 'gte', percent: 100 } }, fresh, context());
    assert.equal(explanation.holds, false);
    assert.equal(explanation.sentence, 'event count of Ticket Created over the last 7 days is 3 against 0 in the 7 days before, so there is no trend to compare (required: at least +100%)');
  });

  test('a trend’s change is rounded to whole percent unless the rounding would contradict the outcome', () => {
    const condition: Condition = { trend: { name: 'eventCount', periodDays: 7, op: 'lte', percent: -50 } };
    assert.equal(sentence(condition, account('a', { events: [...eventsBefore(0, 199), ...eventsBefore(7, 400)] })), 'event count over the last 7 days changed by -50% (199 against 400 in the 7 days before; required: at most -50%)');
    assert.equal(sentence(condition, account('a', { events: [...eventsBefore(0, 201), ...eventsBefore(7, 400)] })), 'event count over the last 7 days changed by -49.8% (201 against 400 in the 7 days before; required: at most -50%)');
  });

  test('groups count the conditions that hold and keep them as children', () => {
    const explanation = explainCondition(
      { all: [{ trait: { name: 'plan', op: 'eq', value: 'pro' } }, { not: { event: { name: 'Signed In', withinDays: 7 } } }] },
      user,
      context(),
    );
    assert.deepEqual(explanation, {
      kind: 'all',
      holds: false,
      sentence: '1 of 2 conditions holds (required: all)',
      children: [
        { kind: 'trait', holds: true, sentence: 'plan is "pro" (required: equals "pro")', children: [] },
        {
          kind: 'not',
          holds: false,
          sentence: 'the condition below holds (required: it does not)',
          children: [{ kind: 'event', holds: true, sentence: 'performed Signed In 3 times in the last 7 days (required: at least 1)', children: [] }],
        },
      ],
    });
    assert.equal(sentence({ any: [] }, user), 'no conditions, so none of them holds');
  });

  test('a contacts rollup explains each contact', () => {
    const acme = account('acme', { contacts: [contact('a', { events: [track('Signed In', daysAgo(1))] }), contact('b')] });
    const explanation = explainCondition({ contacts: { atLeast: 2, condition: { lastSeen: { withinDays: 7 } } } }, acme, context());
    assert.equal(explanation.holds, false);
    assert.equal(explanation.sentence, '1 of 2 contacts match (required: at least 2)');
    assert.deepEqual(explanation.children.map((c) => [c.sentence, c.children[0]?.sentence]), [
      ['contact a matches', 'last seen 1 day ago (required: in the last 7 days)'],
      ['contact b does not match', 'never seen (required: in the last 7 days)'],
    ]);
  });

  test('the explanation always agrees with the evaluation', () => {
    const subjects: Subject[] = [
      user,
      contact('c2', { events: [track('Trial Started', daysAgo(2)), track('Survey Responded', daysAgo(5), { score: 3 })] }),
      account('acme', { fields: { plan: 'enterprise' }, events: [track('Signed In', daysAgo(1))], contacts: [user, user, user] }),
      account('beta'),
      account('falling', { events: [...eventsBefore(0, 3, 'Ticket Created'), ...eventsBefore(7, 1, 'Ticket Created'), ...eventsBefore(8, 10)] }),
    ];
    for (const definition of EXAMPLE_SEGMENTS) {
      for (const subject of subjects.filter((s) => s.kind === definition.subject)) {
        assert.equal(explainSegment(definition, subject, context()).holds, evaluateSegment(definition, subject, context()), `${definition.id} on ${subject.id}`);
      }
    }
  });
});
