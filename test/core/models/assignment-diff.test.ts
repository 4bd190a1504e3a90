import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { placeAccount } from '../../../src/core/models/account-placement.js';
import { describeMoves, diffAssignments, type AccountBeforeAfter } from '../../../src/core/models/assignment-diff.js';
import type { EngagementModel } from '../../../src/core/models/engagement-model.js';

// Round numbers so every figure below can be checked by hand.
const dear: EngagementModel = {
  id: 'dear',
  name: 'Dear',
  description: '',
  costToServe: { csmHoursPerAccountMonth: 10, hourlyCost: 100, automationCostPerContactMonth: 0 },
  phases: [
    { id: 'start', name: 'Start', touch: 'high', activities: [], costToServe: { csmHoursPerAccountMonth: 20, hourlyCost: 100, automationCostPerContactMonth: 0 }, until: { maxDays: 30 } },
    { id: 'steady', name: 'Steady', touch: 'high', activities: [] },
  ],
};
const cheap: EngagementModel = {
  id: 'cheap',
  name: 'Cheap',
  description: '',
  costToServe: { csmHoursPerAccountMonth: 0, hourlyCost: 100, automationCostPerContactMonth: 5 },
  phases: [{ id: 'only', name: 'Only', touch: 'none', activities: [] }],
};

const accounts: AccountBeforeAfter[] = [
  { groupId: 'a', name: 'A', mrr: 5000, contacts: 2, before: { modelId: 'cheap', phaseId: 'only' }, after: { modelId: 'dear', phaseId: 'start', ruleId: 'big' } },
  { groupId: 'b', name: 'B', mrr: 300, contacts: 4, before: { modelId: 'dear', phaseId: 'steady' }, after: { modelId: 'cheap', phaseId: 'only', ruleId: null } },
  { groupId: 'c', name: 'C', mrr: 100, contacts: 1, before: { modelId: 'cheap', phaseId: 'only' }, after: { modelId: 'cheap', phaseId: 'only', ruleId: null } },
  { groupId: 'd', name: null, mrr: null, contacts: 3, before: null, after: { modelId: 'cheap', phaseId: 'only', ruleId: null } },
  { groupId: 'e', name: 'E', mrr: 50, contacts: 2, before: { modelId: 'retired', phaseId: 'x' }, after: { modelId: 'cheap', phaseId: 'only', ruleId: null } },
];

describe('the difference two rule sets make', () => {
  const diff = diffAssignments(accounts, [dear, cheap], { sampleSize: 3 });

  test('every account that changes model counts as moved, including one that had none', () => {
    assert.equal(diff.accounts, 5);
    assert.equal(diff.moved, 4);
  });

  test('the matrix counts each pair once, staying included, in the order of the models', () => {
    assert.deepEqual(diff.matrix, [
      { from: null, to: 'cheap', count: 1 },
      { from: 'dear', to: 'cheap', count: 1 },
      { from: 'cheap', to: 'dear', count: 1 },
      { from: 'cheap', to: 'cheap', count: 1 },
      { from: 'retired', to: 'cheap', count: 1 },
    ]);
  });

  test('the sample shows the moving accounts with the most revenue first', () => {
    assert.deepEqual(diff.sample, [
      { groupId: 'a', name: 'A', from: 'cheap', to: 'dear', ruleId: 'big', mrr: 5000 },
      { groupId: 'b', name: 'B', from: 'dear', to: 'cheap', ruleId: null, mrr: 300 },
      { groupId: 'e', name: 'E', from: 'retired', to: 'cheap', ruleId: null, mrr: 50 },
    ]);
  });

  test('the economics before leave out accounts without a model in force', () => {
    // b steady: 10 h x 100 = 1,000; a: 2 x 5 = 10; c: 1 x 5 = 5
    assert.deepEqual(diff.before, {
      models: [
        { modelId: 'dear', economics: { accounts: 1, revenue: 300, cost: 1000, margin: -700, costShare: 1000 / 300 } },
        { modelId: 'cheap', economics: { accounts: 2, revenue: 5100, cost: 15, margin: 5085, costShare: 15 / 5100 } },
      ],
      total: { accounts: 3, revenue: 5400, cost: 1015, margin: 4385, costShare: 1015 / 5400 },
    });
  });

  test('the economics after price a newly placed account at its first phase', () => {
    // a start: 20 h x 100 = 2,000; b 20, c 5, d 15, e 10 at 5 a contact
    assert.deepEqual(diff.after, {
      models: [
        { modelId: 'dear', economics: { accounts: 1, revenue: 5000, cost: 2000, margin: 3000, costShare: 0.4 } },
        { modelId: 'cheap', economics: { accounts: 4, revenue: 450, cost: 50, margin: 400, costShare: 50 / 450 } },
      ],
      total: { accounts: 5, revenue: 5450, cost: 2050, margin: 3400, costShare: 2050 / 5450 },
    });
  });
});

describe('placing an account in its assigned model', () => {
  const now = 1_000_000;
  const current = { groupId: 'a', modelId: 'dear', phaseId: 'steady', ruleId: 'old', reason: 'old reason', since: 10, phaseSince: 20 };

  test('the same model keeps the phase and its dates, with the new reason', () => {
    assert.deepEqual(placeAccount('a', current, { modelId: 'dear', ruleId: 'big', reason: 'new reason' }, dear, now), { ...current, ruleId: 'big', reason: 'new reason' });
  });

  test('another model starts at its first phase now', () => {
    assert.deepEqual(placeAccount('a', current, { modelId: 'cheap', ruleId: null, reason: 'cheap by default' }, cheap, now), {
      groupId: 'a', modelId: 'cheap', phaseId: 'only', ruleId: null, reason: 'cheap by default', since: now, phaseSince: now,
    });
    assert.equal(placeAccount('new', undefined, { modelId: 'dear', ruleId: 'big', reason: 'r' }, dear, now).phaseId, 'start');
  });
});

describe('the summary of a change of rules', () => {
  test('names how many moved and where to, most first', () => {
    const diff = diffAssignments(accounts, [dear, cheap], { sampleSize: 0 });
    assert.equal(describeMoves(diff), '4 accounts moved: 3 to cheap, 1 to dear');
  });

  test('says so when nothing moves, and counts one account in the singular', () => {
    assert.equal(describeMoves({ moved: 0, matrix: [{ from: 'cheap', to: 'cheap', count: 3 }] }), 'no account moved');
    assert.equal(describeMoves({ moved: 1, matrix: [{ from: null, to: 'dear', count: 1 }] }), '1 account moved: 1 to dear');
  });
});
