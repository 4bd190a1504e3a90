import assert from 'node:assert/strict';
import { test } from 'node:test';
import { goalStatus, parseGoal, type Goal } from '../../../src/core/goals/goal-definition.js';
import { SHIPPED_GOALS } from '../../../src/core/goals/shipped-goals.js';

const goal = (metric: Goal['metric'], target: number): Goal => ({ id: 'g', name: 'G', metric, period: 'quarter', target });

test('a rate is judged as it stands; met only when the period is over', () => {
  assert.deepEqual(goalStatus(goal('conversion-rate', 18), 19, 0.5), { status: 'on-track', expected: 18, progress: 19 / 18 });
  assert.equal(goalStatus(goal('conversion-rate', 18), 15, 0.5).status, 'off-track');
  assert.equal(goalStatus(goal('conversion-rate', 18), 18.5, 1).status, 'met');
  assert.equal(goalStatus(goal('logo-churn', 2), 1.5, 0.5).status, 'on-track', 'lower is better for churn');
  assert.equal(goalStatus(goal('logo-churn', 2), 3, 0.5).status, 'off-track');
  assert.equal(goalStatus(goal('nps', 40), null, 0.5).status, 'no-data');
});

test('a count is judged against the share of its target due by now, and met when it reaches it', () => {
  assert.deepEqual(goalStatus(goal('new-customers', 60), 25, 0.5), { status: 'off-track', expected: 30, progress: 25 / 60 });
  assert.equal(goalStatus(goal('new-customers', 60), 31, 0.5).status, 'on-track');
  assert.equal(goalStatus(goal('new-customers', 60), 60, 0.7).status, 'met');
});

test('the shipped goals are valid; an unknown metric is refused naming it', () => {
  for (const g of SHIPPED_GOALS) assert.ok(parseGoal(g).ok, g.id);
  const bad = parseGoal({ id: 'x', name: 'X', metric: 'happiness', period: 'week', target: 1 });
  assert.ok(!bad.ok);
  assert.deepEqual(bad.issues.map((i) => i.path).sort(), ['metric', 'period']);
});
