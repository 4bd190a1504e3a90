import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { accountEconomics, economicsFlags, monthlyCost, totalEconomics, costOfPhase } from '../../../src/core/models/economics.js';
import { parseEngagementModel } from '../../../src/core/models/engagement-model.js';
import { SHIPPED_MODELS } from '../../../src/core/models/shipped-models.js';

const highTouch = SHIPPED_MODELS.find((m) => m.id === 'high-touch')!;
const hybrid = SHIPPED_MODELS.find((m) => m.id === 'hybrid-onboarding')!;

describe('engagement models', () => {
  test('every shipped model is a valid definition', () => {
    for (const model of SHIPPED_MODELS) {
      const result = parseEngagementModel(model);
      assert.ok(result.ok, `${model.id}: ${JSON.stringify(result)}`);
      assert.deepEqual(result.model, model);
    }
  });

  test('a broken model is refused with the path and the reason', () => {
    const result = parseEngagementModel({
      id: 'Odd Model',
      name: 'x',
      costToServe: { csmHoursPerAccountMonth: -1, hourlyCost: 75, automationCostPerContactMonth: 1 },
      phases: [{ id: 'a', name: 'A', touch: 'medium' }],
    });
    assert.ok(!result.ok);
    assert.deepEqual(result.issues.map((i) => i.path).sort(), ['costToServe.csmHoursPerAccountMonth', 'id', 'phases.0.touch']);
  });

  test('a phase before the last needs an end, and the last may not have one', () => {
    const result = parseEngagementModel({
      id: 'two-phases',
      name: 'Two',
      costToServe: { csmHoursPerAccountMonth: 1, hourlyCost: 1, automationCostPerContactMonth: 1 },
      phases: [{ id: 'first', name: 'First', touch: 'high' }, { id: 'second', name: 'Second', touch: 'low', until: { maxDays: 3 } }],
    });
    assert.ok(!result.ok);
    assert.deepEqual(result.issues, [
      { path: 'phases.0.until', message: 'a phase before the last needs activatedSegment or maxDays' },
      { path: 'phases.1.until', message: 'the last phase has no end' },
    ]);
  });
});

describe('cost-to-serve economics', () => {
  test('a hand-computed high-touch account: 8 h x 75 + 2 x 10 contacts = 620 a month', () => {
    assert.equal(monthlyCost(highTouch.costToServe, 10), 620);
    assert.deepEqual(accountEconomics(7000, highTouch.costToServe, 10), { revenue: 7000, cost: 620, margin: 6380, costShare: 620 / 7000 });
  });

  test('onboarding costs what its phase says, the model cost applies after', () => {
    assert.equal(monthlyCost(costOfPhase(hybrid, 'onboarding'), 4), 6 * 75 + 1.5 * 4);
    assert.equal(monthlyCost(costOfPhase(hybrid, 'adoption'), 4), 0.5 * 75 + 1.5 * 4);
  });

  test('totals add up and the cost share is of the totals', () => {
    const total = totalEconomics([accountEconomics(1000, highTouch.costToServe, 0), accountEconomics(3000, highTouch.costToServe, 0)]);
    assert.deepEqual(total, { accounts: 2, revenue: 4000, cost: 1200, margin: 2800, costShare: 0.3 });
  });

  test('an account without revenue has no cost share', () => {
    assert.equal(accountEconomics(null, highTouch.costToServe, 1).costShare, null);
  });

  test('high touch that revenue does not pay for is flagged with the figures', () => {
    const flags = economicsFlags({ touch: 'high', economics: accountEconomics(1000, highTouch.costToServe, 10), activityThisPeriod: 5, activityLastPeriod: 5 });
    assert.deepEqual(flags, [{ kind: 'high-touch-not-justified', reason: 'high touch costs 620 a month and cost is 62% of revenue (limit 30%)' }]);
  });

  test('a valuable low-touch account whose activity falls is flagged as warranting more touch', () => {
    const economics = accountEconomics(8000, SHIPPED_MODELS[1]!.costToServe, 20);
    assert.deepEqual(economicsFlags({ touch: 'low', economics, activityThisPeriod: 40, activityLastPeriod: 100 }), [
      { kind: 'warrants-more-touch', reason: 'MRR 8,000 >= 5,000 and activity fell 60% (100 to 40)' },
    ]);
    assert.deepEqual(economicsFlags({ touch: 'low', economics, activityThisPeriod: 90, activityLastPeriod: 100 }), []);
  });
});
