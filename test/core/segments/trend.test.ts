import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Condition, TrendCondition } from '../../../src/core/segments/conditions.js';
import { evaluateCondition, evaluateSegment } from '../../../src/core/segments/evaluate-segment.js';
import { SUPPORT_TICKET_SPIKE, USAGE_COLLAPSED } from '../../../src/core/segments/examples.js';
import { trendValues } from '../../../src/core/segments/measures.js';
import type { Subject, SubjectEvent } from '../../../src/core/segments/subjects.js';
import { account, contact, context, DAY_MS, daysAgo, NOW, page, track } from './fixtures.js';

const holds = (condition: Condition, subject: Subject) => evaluateCondition(condition, subject, context());
const trend = (body: Partial<TrendCondition> & Pick<TrendCondition, 'op' | 'percent'>): Condition => ({
  trend: { name: 'eventCount', periodDays: 7, ...body },
});
/** `count` track events of `name`, spread over the hours of the given period (1: the last 7 days, 2: the 7 before). */
const week = (period: 1 | 2, count: number, name = 'Feature Used'): SubjectEvent[] =>
  Array.from({ length: count }, (_, i) => track(name, daysAgo(7 * (period - 1)) - (i + 1) * 3_600_000));
const usage = (current: number, previous: number) => contact('c', { events: [...week(1, current), ...week(2, previous)] });
const values = (condition: Condition, subject: Subject) => trendValues((condition as { trend: TrendCondition }).trend, subject.events, NOW);

describe('segment evaluation: trends', () => {
  test('8 interactions against 21 the week before is a drop of about 62%', () => {
    const collapsed = usage(8, 21);
    assert.deepEqual(values(trend({ op: 'lte', percent: -50 }), collapsed), { current: 8, previous: 21 });
    assert.equal(holds(trend({ op: 'lte', percent: -50 }), collapsed), true);
    assert.equal(holds(trend({ op: 'lte', percent: -70 }), collapsed), false);
    assert.equal(holds(trend({ op: 'gt', percent: -62 }), collapsed), true);
    assert.equal(holds(trend({ op: 'lt', percent: -61.9 }), collapsed), true);
  });

  test('a change of exactly the percent is equal to it, so lte and gte hold and lt does not', () => {
    const halved = usage(5, 10);
    assert.equal(holds(trend({ op: 'eq', percent: -50 }), halved), true);
    assert.equal(holds(trend({ op: 'lte', percent: -50 }), halved), true);
    assert.equal(holds(trend({ op: 'gte', percent: -50 }), halved), true);
    assert.equal(holds(trend({ op: 'lt', percent: -50 }), halved), false);
    assert.equal(holds(trend({ op: 'neq', percent: -50 }), halved), false);
    assert.equal(holds(trend({ op: 'eq', percent: 100 }), usage(6, 3)), true);
    assert.equal(holds(trend({ op: 'eq', percent: 0 }), usage(4, 4)), true);
  });

  test('nothing now against something before is a drop of 100%', () => {
    assert.equal(holds(trend({ op: 'eq', percent: -100 }), usage(0, 3)), true);
    assert.equal(holds(trend({ op: 'lte', percent: -50 }), usage(0, 3)), true);
  });

  test('with nothing in the previous period there is no trend, whatever the operator', () => {
    const fresh = usage(3, 0);
    assert.deepEqual(values(trend({ op: 'gte', percent: 100 }), fresh), { current: 3, previous: 0 });
    for (const op of ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'] as const) {
      assert.equal(holds(trend({ op, percent: 100 }), fresh), false, op);
      assert.equal(holds(trend({ op, percent: -50 }), contact('nobody')), false, op);
    }
    assert.equal(holds({ not: trend({ op: 'gte', percent: 100 }) }, fresh), true);
  });

  test('an event exactly P days old is current, and one exactly 2P days old is the oldest previous one', () => {
    const at = (...times: number[]) => contact('c', { events: times.map((t) => track('Feature Used', t)) });
    const p = 7 * DAY_MS;
    assert.deepEqual(values(trend({ op: 'eq', percent: 0 }), at(NOW - p, NOW - p - 1)), { current: 1, previous: 1 });
    assert.deepEqual(values(trend({ op: 'eq', percent: 0 }), at(NOW, NOW - 2 * p)), { current: 1, previous: 1 });
    assert.deepEqual(values(trend({ op: 'eq', percent: 0 }), at(NOW - 2 * p - 1, NOW - 30 * DAY_MS)), { current: 0, previous: 0 });
    assert.equal(holds(trend({ op: 'eq', percent: 0 }), at(NOW - p, NOW - p - 1)), true);
    assert.equal(holds(trend({ op: 'eq', percent: 0 }), at(NOW - p, NOW - p)), false);
  });

  test('events after now count in neither period', () => {
    const future = contact('c', { events: [track('Feature Used', NOW + 1), track('Feature Used', NOW + 8 * DAY_MS), track('Feature Used', daysAgo(10))] });
    assert.deepEqual(values(trend({ op: 'lte', percent: -50 }), future), { current: 0, previous: 1 });
    assert.equal(holds(trend({ op: 'eq', percent: -100 }), future), true);
  });

  test('without an event name every interaction counts, but not profile calls', () => {
    const identify: SubjectEvent = { type: 'identify', name: null, timestamp: daysAgo(1), properties: {}, revenue: null, channel: null };
    const c = contact('c', { events: [page('Home', daysAgo(1)), identify, track('Signed In', daysAgo(8))] });
    assert.deepEqual(values(trend({ op: 'eq', percent: 0 }), c), { current: 1, previous: 1 });
  });

  test('an event name counts only track events of exactly that name', () => {
    const c = contact('c', {
      events: [...week(1, 4, 'Ticket Created'), ...week(2, 2, 'Ticket Created'), ...week(2, 5, 'ticket created'), page('Ticket Created', daysAgo(9)), ...week(2, 3)],
    });
    assert.deepEqual(values(trend({ event: 'Ticket Created', op: 'gte', percent: 100 }), c), { current: 4, previous: 2 });
    assert.equal(holds(trend({ event: 'Ticket Created', op: 'gte', percent: 100 }), c), true);
    assert.equal(holds(trend({ op: 'lte', percent: -50 }), c), true);
  });

  test('revenue compares sums of revenue, and a negative previous sum is no trend', () => {
    const sales = contact('c', { events: [track('Order Completed', daysAgo(1), {}, 90.5), track('Order Completed', daysAgo(2), {}, 59.5), track('Order Completed', daysAgo(9), {}, 100), track('Signed In', daysAgo(9))] });
    assert.deepEqual(values(trend({ name: 'revenue', op: 'eq', percent: 50 }), sales), { current: 150, previous: 100 });
    assert.equal(holds(trend({ name: 'revenue', op: 'eq', percent: 50 }), sales), true);
    assert.equal(holds(trend({ name: 'revenue', event: 'Order Completed', op: 'gte', percent: 50 }), sales), true);
    const refunds = contact('c', { events: [track('Order Completed', daysAgo(1), {}, 10), track('Order Refunded', daysAgo(9), {}, -40)] });
    assert.equal(holds(trend({ name: 'revenue', op: 'gt', percent: -1_000_000 }), refunds), false);
  });

  test('a one-day period compares today with yesterday', () => {
    const c = contact('c', { events: [track('Signed In', NOW - 3_600_000), track('Signed In', daysAgo(1) - 1), track('Signed In', daysAgo(1) - 2)] });
    assert.equal(holds({ trend: { name: 'eventCount', periodDays: 1, op: 'eq', percent: -50 } }, c), true);
  });

  test('an account trend reads the account’s events', () => {
    const acme = account('acme', { events: [...week(1, 2), ...week(2, 8)] });
    assert.equal(holds(trend({ op: 'lte', percent: -75 }), acme), true);
  });
});

describe('segment evaluation: the trend examples', () => {
  test('usage collapsed', () => {
    const of = (current: number, previous: number) => account('acme', { events: [...week(1, current), ...week(2, previous)] });
    assert.equal(evaluateSegment(USAGE_COLLAPSED, of(8, 21), context()), true);
    assert.equal(evaluateSegment(USAGE_COLLAPSED, of(4, 16), context()), true);
    assert.equal(evaluateSegment(USAGE_COLLAPSED, of(5, 10), context()), false, 'a 50% drop is an ordinary week');
    assert.equal(evaluateSegment(USAGE_COLLAPSED, of(6, 10), context()), false);
    assert.equal(evaluateSegment(USAGE_COLLAPSED, of(0, 0), context()), false);
    assert.equal(evaluateSegment(USAGE_COLLAPSED, of(2, 15), context()), false, 'fewer than 20 interactions over two weeks is too quiet to call');
  });

  test('support ticket spike', () => {
    const of = (current: number, previous: number) => account('acme', { events: [...week(1, current, 'Ticket Created'), ...week(2, previous, 'Ticket Created')] });
    assert.equal(evaluateSegment(SUPPORT_TICKET_SPIKE, of(3, 1), context()), true);
    assert.equal(evaluateSegment(SUPPORT_TICKET_SPIKE, of(6, 3), context()), true);
    assert.equal(evaluateSegment(SUPPORT_TICKET_SPIKE, of(2, 1), context()), false);
    assert.equal(evaluateSegment(SUPPORT_TICKET_SPIKE, of(5, 3), context()), false);
    assert.equal(evaluateSegment(SUPPORT_TICKET_SPIKE, of(5, 0), context()), true, 'from no tickets to five is a spike');
  });
});
