import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Condition, PropertyFilter } from '../../../src/core/segments/conditions.js';
import { evaluateCondition, evaluateSegment } from '../../../src/core/segments/evaluate-segment.js';
import {
  ACCOUNTS_WITH_ACTIVE_TEAMS, ACTIVE_ENTERPRISE_ACCOUNTS, BIG_SPENDERS, DETRACTORS, NO_LOGIN_FOR_14_DAYS, TRIAL_USERS_WHO_NEVER_INVITED,
} from '../../../src/core/segments/examples.js';
import type { Subject } from '../../../src/core/segments/subjects.js';
import { account, contact, context, DAY_MS, daysAgo, NOW, page, track } from './fixtures.js';

const holds = (condition: Condition, subject: Subject, members: string[] = []) => evaluateCondition(condition, subject, context(members));

describe('segment evaluation: logic', () => {
  const pro = contact('c1', { traits: { plan: 'pro' } });
  const yes: Condition = { trait: { name: 'plan', op: 'eq', value: 'pro' } };
  const no: Condition = { trait: { name: 'plan', op: 'eq', value: 'free' } };

  test('all of nothing holds and any of nothing does not', () => {
    assert.equal(holds({ all: [] }, pro), true);
    assert.equal(holds({ any: [] }, pro), false);
  });

  test('all needs every condition, any needs one, not flips', () => {
    assert.equal(holds({ all: [yes, no] }, pro), false);
    assert.equal(holds({ any: [no, yes] }, pro), true);
    assert.equal(holds({ not: no }, pro), true);
    assert.equal(holds({ not: { any: [] } }, pro), true);
  });

  test('not of a condition on a missing trait holds, while neq on it does not (two-valued logic)', () => {
    const nobody = contact('c2');
    assert.equal(holds({ trait: { name: 'plan', op: 'neq', value: 'pro' } }, nobody), false);
    assert.equal(holds({ not: { trait: { name: 'plan', op: 'eq', value: 'pro' } } }, nobody), true);
  });

  test('a definition for accounts refuses a contact', () => {
    assert.throws(() => evaluateSegment(ACTIVE_ENTERPRISE_ACCOUNTS, pro, context()), /is for accounts, not contacts/);
  });
});

describe('segment evaluation: traits', () => {
  test('dotted names read nested traits', () => {
    const oslo = contact('c1', { traits: { address: { city: 'Oslo' } } });
    assert.equal(holds({ trait: { name: 'address.city', op: 'eq', value: 'Oslo' } }, oslo), true);
    assert.equal(holds({ trait: { name: 'address.zip', op: 'notExists' } }, oslo), true);
  });

  test('an account field wins over a trait of the same name, even when the field is empty', () => {
    const acme = account('acme', { fields: { plan: 'enterprise', mrr: 5000 }, traits: { plan: 'legacy-gold', region: 'EU' } });
    assert.equal(holds({ trait: { name: 'plan', op: 'eq', value: 'enterprise' } }, acme), true);
    assert.equal(holds({ trait: { name: 'mrr', op: 'gte', value: 5000 } }, acme), true);
    assert.equal(holds({ trait: { name: 'region', op: 'eq', value: 'EU' } }, acme), true);
    const unnormalised = account('beta', { traits: { industry: 'Retail' } });
    assert.equal(holds({ trait: { name: 'industry', op: 'exists' } }, unnormalised), false);
  });

  test('a contact reads plan from its traits; field names are not special for contacts', () => {
    assert.equal(holds({ trait: { name: 'plan', op: 'eq', value: 'pro' } }, contact('c1', { traits: { plan: 'pro' } })), true);
  });
});

describe('segment evaluation: events and time windows', () => {
  const signedIn = (withinDays?: number, atLeast?: number, atMost?: number): Condition => ({
    event: { name: 'Signed In', ...(withinDays === undefined ? {} : { withinDays }), ...(atLeast === undefined ? {} : { atLeast }), ...(atMost === undefined ? {} : { atMost }) },
  });

  test('an event exactly D days old is inside the window and one millisecond older is not', () => {
    assert.equal(holds(signedIn(7), contact('c', { events: [track('Signed In', NOW - 7 * DAY_MS)] })), true);
    assert.equal(holds(signedIn(7), contact('c', { events: [track('Signed In', NOW - 7 * DAY_MS - 1)] })), false);
    assert.equal(holds(signedIn(7), contact('c', { events: [track('Signed In', NOW)] })), true);
  });

  test('events after now are ignored, in windows and ever', () => {
    const future = contact('c', { events: [track('Signed In', NOW + 1)] });
    assert.equal(holds(signedIn(7), future), false);
    assert.equal(holds(signedIn(), future), false);
    assert.equal(holds({ lastSeen: { withinDays: 1 } }, future), false);
  });

  test('counts are compared with atLeast and atMost inclusively', () => {
    const four = contact('c', { events: [1, 2, 3, 4].map((d) => track('Signed In', daysAgo(d))) });
    assert.equal(holds(signedIn(7, 4), four), true);
    assert.equal(holds(signedIn(7, 5), four), false);
    assert.equal(holds(signedIn(7, 1, 4), four), true);
    assert.equal(holds(signedIn(7, 1, 3), four), false);
    assert.equal(holds(signedIn(2, 2, 2), four), true);
  });

  test('atMost 0 means never, while atMost alone still asks for at least one', () => {
    const none = contact('c');
    const once = contact('c', { events: [track('Signed In', daysAgo(1))] });
    assert.equal(holds(signedIn(undefined, undefined, 0), none), true);
    assert.equal(holds(signedIn(undefined, undefined, 0), once), false);
    assert.equal(holds(signedIn(undefined, undefined, 3), none), false);
    assert.equal(holds(signedIn(undefined, 0, 3), none), true);
  });

  test('events match by exact name and only as track events', () => {
    const c = contact('c', { events: [track('signed in', daysAgo(1)), page('Signed In', daysAgo(1))] });
    assert.equal(holds(signedIn(), c), false);
  });

  test('property filters must all hold, with the operator rules of traits', () => {
    const c = contact('c', { events: [
      track('Survey Responded', daysAgo(10), { score: '4', survey: { kind: 'nps' } }),
      track('Survey Responded', daysAgo(20), { score: 9, survey: { kind: 'nps' } }),
      track('Survey Responded', daysAgo(30), { score: 2, survey: { kind: 'csat' } }),
      track('Survey Responded', daysAgo(40), {}),
    ] });
    const responses = (where: PropertyFilter[]): Condition => ({ event: { name: 'Survey Responded', where, atLeast: 2, atMost: 2 } });
    assert.equal(holds(responses([{ property: 'score', op: 'lte', value: 6 }]), c), true);
    assert.equal(holds({ event: { name: 'Survey Responded', where: [{ property: 'score', op: 'lte', value: 6 }, { property: 'survey.kind', op: 'eq', value: 'nps' }], atLeast: 1, atMost: 1 } }, c), true);
    assert.equal(holds(responses([{ property: 'score', op: 'exists' }, { property: 'score', op: 'gt', value: 3 }]), c), true);
  });

  test('first and last seen use every interaction, not identify calls, and fail without any', () => {
    const identifyOnly = contact('c', { events: [{ type: 'identify', name: null, timestamp: daysAgo(1), properties: {}, revenue: null, channel: null }] });
    assert.equal(holds({ lastSeen: { withinDays: 7 } }, identifyOnly), false);
    assert.equal(holds({ lastSeen: { olderThanDays: 7 } }, identifyOnly), false);
    const c = contact('c', { events: [page('Home', daysAgo(3)), track('Signed In', daysAgo(40))] });
    assert.equal(holds({ firstSeen: { olderThanDays: 30 } }, c), true);
    assert.equal(holds({ firstSeen: { withinDays: 30 } }, c), false);
    assert.equal(holds({ lastSeen: { withinDays: 3 } }, c), true);
    assert.equal(holds({ lastSeen: { withinDays: 5, olderThanDays: 2 } }, c), true);
  });

  test('olderThanDays is strictly older: exactly D days ago is within, not older', () => {
    const exactly = contact('c', { events: [track('Signed In', daysAgo(14))] });
    assert.equal(holds({ lastSeen: { olderThanDays: 14 } }, exactly), false);
    assert.equal(holds({ lastSeen: { withinDays: 14 } }, exactly), true);
    const older = contact('c', { events: [track('Signed In', daysAgo(14) - 1)] });
    assert.equal(holds({ lastSeen: { olderThanDays: 14 } }, older), true);
  });

  test('revenue sums event revenue in the window and event count counts interactions', () => {
    const c = contact('c', { events: [
      track('Order Completed', daysAgo(10), {}, 6000), track('Order Completed', daysAgo(100), {}, 4000),
      track('Order Completed', daysAgo(400), {}, 50_000), track('Order Refunded', daysAgo(5), {}, null), page('Home', daysAgo(1)),
      { type: 'identify', name: null, timestamp: daysAgo(1), properties: {}, revenue: null, channel: null },
    ] });
    assert.equal(holds({ computed: { name: 'revenue', op: 'eq', value: 10_000, withinDays: 365 } }, c), true);
    assert.equal(holds({ computed: { name: 'revenue', op: 'eq', value: 60_000 } }, c), true);
    assert.equal(holds({ computed: { name: 'eventCount', op: 'eq', value: 3, withinDays: 30 } }, c), true);
    assert.equal(holds({ computed: { name: 'revenue', op: 'lt', value: 1, withinDays: 30 } }, contact('nobody')), true);
  });
});

describe('segment evaluation: accounts and references', () => {
  const active = (id: string, days: number) => contact(id, { events: [track('Signed In', daysAgo(days))] });

  test('a contacts rollup counts the contacts that satisfy the inner condition', () => {
    const team = account('acme', { contacts: [active('a', 1), active('b', 2), active('c', 6), active('d', 30)] });
    assert.equal(evaluateSegment(ACCOUNTS_WITH_ACTIVE_TEAMS, team, context()), true);
    const small = account('beta', { contacts: [active('a', 1), active('b', 8), active('c', 30)] });
    assert.equal(evaluateSegment(ACCOUNTS_WITH_ACTIVE_TEAMS, small, context()), false);
    assert.equal(holds({ contacts: { condition: { all: [] } } }, account('empty')), false);
    assert.equal(holds({ contacts: { atMost: 0, condition: { lastSeen: { withinDays: 7 } } } }, small), false);
    assert.equal(holds({ contacts: { atMost: 0, condition: { lastSeen: { withinDays: 7 } } } }, account('empty')), true);
  });

  test('segment references ask the context about the subject, inside rollups about each contact', () => {
    const acme = account('acme', { contacts: [contact('a'), contact('b')] });
    assert.equal(holds({ segment: { id: 'churn-risk' } }, acme, ['churn-risk:acme']), true);
    assert.equal(holds({ segment: { id: 'churn-risk', in: false } }, acme, ['churn-risk:acme']), false);
    assert.equal(holds({ segment: { id: 'churn-risk', in: false } }, acme), true);
    assert.equal(holds({ contacts: { atLeast: 2, condition: { segment: { id: 'detractors' } } } }, acme, ['detractors:a', 'detractors:b']), true);
    assert.equal(holds({ contacts: { atLeast: 2, condition: { segment: { id: 'detractors' } } } }, acme, ['detractors:a', 'detractors:acme']), false);
  });

  test('the context is asked with the subject kind', () => {
    const asked: string[] = [];
    evaluateCondition({ segment: { id: 's' } }, contact('c1'), { now: NOW, memberships: (id, kind, subjectId) => (asked.push(`${id}/${kind}/${subjectId}`), false) });
    assert.deepEqual(asked, ['s/contact/c1']);
  });
});

describe('segment evaluation: the examples', () => {
  test('active enterprise accounts', () => {
    const acme = account('acme', { fields: { plan: 'enterprise' }, events: [track('Report Exported', daysAgo(29))] });
    assert.equal(evaluateSegment(ACTIVE_ENTERPRISE_ACCOUNTS, acme, context()), true);
    assert.equal(evaluateSegment(ACTIVE_ENTERPRISE_ACCOUNTS, { ...acme, events: [track('Report Exported', daysAgo(31))] }, context()), false);
  });

  test('trial users who never invited anyone', () => {
    const trial = contact('c', { events: [track('Trial Started', daysAgo(3))] });
    assert.equal(evaluateSegment(TRIAL_USERS_WHO_NEVER_INVITED, trial, context()), true);
    assert.equal(evaluateSegment(TRIAL_USERS_WHO_NEVER_INVITED, { ...trial, events: [...trial.events, track('Invite Sent', daysAgo(2))] }, context()), false);
  });

  test('no login for 14 days', () => {
    assert.equal(evaluateSegment(NO_LOGIN_FOR_14_DAYS, contact('c', { events: [track('Signed In', daysAgo(15))] }), context()), true);
    assert.equal(evaluateSegment(NO_LOGIN_FOR_14_DAYS, contact('c', { events: [track('Signed In', daysAgo(13))] }), context()), false);
    assert.equal(evaluateSegment(NO_LOGIN_FOR_14_DAYS, contact('c'), context()), false);
  });

  test('detractors', () => {
    assert.equal(evaluateSegment(DETRACTORS, contact('c', { events: [track('Survey Responded', daysAgo(89), { score: 6 })] }), context()), true);
    assert.equal(evaluateSegment(DETRACTORS, contact('c', { events: [track('Survey Responded', daysAgo(89), { score: 7 })] }), context()), false);
    assert.equal(evaluateSegment(DETRACTORS, contact('c', { events: [track('Survey Responded', daysAgo(91), { score: 1 })] }), context()), false);
  });

  test('big spenders', () => {
    assert.equal(evaluateSegment(BIG_SPENDERS, contact('c', { events: [track('Order Completed', daysAgo(364), {}, 10_000)] }), context()), true);
    assert.equal(evaluateSegment(BIG_SPENDERS, contact('c', { events: [track('Order Completed', daysAgo(1), {}, 9_999.99)] }), context()), false);
  });
});
