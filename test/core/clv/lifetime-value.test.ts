import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectedPurchases } from '../../../src/core/clv/bg-nbd.js';
import { customerValue } from '../../../src/core/clv/lifetime-value.js';
import { summarizePurchases } from '../../../src/core/clv/purchase-summary.js';

const models = { bgNbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44 } };
const DAY = 86_400_000;
const customer = { customerId: 'ann', frequency: 2, recency: 30.43, age: 38.86, averageValue: 22.345 };

test('undiscounted, lifetime value is expected purchases × expected value × margin', () => {
  const value = customerValue(models, customer, { horizonWeeks: 39, annualDiscountRate: 0, margin: 0.3 });
  // Expected value: 6.25 × (15.44 + 22.345 × 2) / (6.25 × 2 + 3.74 − 1) = 6.25 × 60.13 / 15.24.
  assert.equal(value.expectedAverageValue.toFixed(4), ((6.25 * 60.13) / 15.24).toFixed(4));
  assert.equal(value.expectedPurchases.toFixed(3), '1.226');
  assert.ok(Math.abs(value.lifetimeValue - value.expectedPurchases * value.expectedAverageValue * 0.3) < 1e-9);
});

test('discounting weighs each week’s expected purchases by the weekly equivalent of the yearly rate', () => {
  const oneWeek = customerValue(models, customer, { horizonWeeks: 1, annualDiscountRate: 0.1, margin: 1 });
  const weekly = Math.pow(1.1, 1 / 52);
  assert.ok(Math.abs(oneWeek.lifetimeValue - (expectedPurchases(models.bgNbd, customer, 1) * oneWeek.expectedAverageValue) / weekly) < 1e-9);
  const year = customerValue(models, customer, { horizonWeeks: 52, annualDiscountRate: 0.1, margin: 1 });
  const undiscounted = customerValue(models, customer, { horizonWeeks: 52, annualDiscountRate: 0, margin: 1 });
  assert.ok(year.lifetimeValue < undiscounted.lifetimeValue && year.lifetimeValue > undiscounted.lifetimeValue / 1.1);
});

test('a part week at the end of the horizon counts for its part', () => {
  const half = customerValue(models, customer, { horizonWeeks: 0.5, annualDiscountRate: 0, margin: 1 });
  assert.equal(half.expectedPurchases, expectedPurchases(models.bgNbd, customer, 0.5));
});

test('purchases on one day are one purchase of their sum; later days and later customers are left out', () => {
  const at = (day: number) => Date.UTC(2026, 0, 1) + day * DAY;
  const [ann, ...others] = summarizePurchases(
    [
      { customerId: 'ann', at: at(0), value: 10 },
      { customerId: 'ann', at: at(7) + 3_600_000, value: 5 },
      { customerId: 'ann', at: at(7) + 7_200_000, value: 7 },
      { customerId: 'ann', at: at(21), value: 30 },
      { customerId: 'ann', at: at(40), value: 99 },
      { customerId: 'bob', at: at(29), value: 1 },
    ],
    at(28) + 12 * 3_600_000,
  );
  assert.deepEqual(ann, { customerId: 'ann', frequency: 2, recency: 3, age: 4, averageValue: (12 + 30) / 2 });
  assert.deepEqual(others, []);
});
