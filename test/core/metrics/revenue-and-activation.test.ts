import assert from 'node:assert/strict';
import { test } from 'node:test';
import { historicalLifetimeValue, revenueRetention } from '../../../src/core/metrics/revenue-retention.js';
import { timeToValue, timeToValueByCohort } from '../../../src/core/metrics/time-to-value.js';

const MONTHS = [Date.UTC(2026, 0, 1), Date.UTC(2026, 1, 1), Date.UTC(2026, 2, 1)];
const at = (month: number, day: number) => Date.UTC(2026, month - 1, day);
const DAY = 86_400_000;

test('revenue retention in February: 350 at the start, A expands 50, B churns 200, C contracts 20, D is new with 80', () => {
  const changes = [
    { groupId: 'A', at: at(1, 3), mrr: 100 },
    { groupId: 'B', at: at(1, 4), mrr: 200 },
    { groupId: 'C', at: at(1, 5), mrr: 50 },
    { groupId: 'A', at: at(2, 10), mrr: 150 },
    { groupId: 'B', at: at(2, 11), mrr: 0 },
    { groupId: 'C', at: at(2, 12), mrr: 30 },
    { groupId: 'D', at: at(2, 13), mrr: 80 },
  ];
  const [january, february] = revenueRetention(changes, MONTHS);
  assert.deepEqual([january!.accountsAtStart, january!.newAccounts, january!.newMrr, january!.netRevenueRetention], [0, 3, 350, null]);
  assert.deepEqual(
    [february!.startingMrr, february!.expansionMrr, february!.contractionMrr, february!.churnedMrr, february!.newMrr, february!.endingMrr],
    [350, 50, 20, 200, 80, 260],
  );
  assert.equal(february!.logoChurnRate, 1 / 3);
  assert.equal(february!.grossRevenueRetention, 130 / 350);
  assert.equal(february!.netRevenueRetention, 180 / 350);
  assert.equal(february!.revenueChurnRate, 220 / 350);
  // Historical CLV: ARPA at the end (A 150, C 30, D 80: 260 / 3) × 80% margin / monthly churn (1 of 3 account-months).
  const historical = historicalLifetimeValue([january!, february!], 0.8);
  assert.equal(historical.averageRevenuePerAccount, 260 / 3);
  assert.equal(historical.monthlyChurnRate, 1 / 3);
  assert.ok(Math.abs(historical.lifetimeValue! - ((260 / 3) * 0.8) / (1 / 3)) < 1e-9);
  assert.equal(historicalLifetimeValue([january!], 1).lifetimeValue, null, 'without churn there is no finite lifetime');
});

test('time to value: the median of 2, 4 and 10 days is 4; one of four never activated', () => {
  const activations = [
    { contactId: 'a', signedUpAt: at(1, 1), activatedAt: at(1, 3) },
    { contactId: 'b', signedUpAt: at(1, 2), activatedAt: at(1, 6) },
    { contactId: 'c', signedUpAt: at(1, 5), activatedAt: at(1, 15) },
    { contactId: 'd', signedUpAt: at(2, 5), activatedAt: null },
  ];
  assert.deepEqual(timeToValue(activations), { signedUp: 4, activated: 3, activationRate: 0.75, medianMs: 4 * DAY, meanMs: (16 / 3) * DAY });
  assert.equal(timeToValue(activations.slice(0, 2)).medianMs, 3 * DAY, 'an even count takes the mean of the middle two');
  const byCohort = timeToValueByCohort(activations, MONTHS);
  assert.deepEqual(byCohort.periods.map((p) => [p.signedUp, p.activated, p.medianMs]), [[3, 3, 4 * DAY], [1, 0, null]]);
});
