import assert from 'node:assert/strict';
import { test } from 'node:test';
import { periodBoundaries, periodIndex, periodStart } from '../../../src/core/metrics/periods.js';

const utc = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h);

test('periods are UTC days, ISO weeks from Monday, calendar months and quarters', () => {
  assert.equal(periodStart(utc(2026, 1, 15, 13), 'day'), utc(2026, 1, 15));
  assert.equal(periodStart(utc(2026, 1, 15, 13), 'week'), utc(2026, 1, 12), 'Thursday 15 January is in the week of Monday 12');
  assert.equal(periodStart(utc(2026, 1, 18, 23), 'week'), utc(2026, 1, 12), 'Sunday ends the week');
  assert.equal(periodStart(utc(2026, 1, 19), 'week'), utc(2026, 1, 19));
  assert.equal(periodStart(utc(2026, 2, 28, 23), 'month'), utc(2026, 2, 1));
  assert.equal(periodStart(utc(2026, 8, 15), 'quarter'), utc(2026, 7, 1));
});

test('boundaries cover the range with whole periods, and each time finds its period', () => {
  const months = periodBoundaries(utc(2026, 1, 15), utc(2026, 3, 2), 'month');
  assert.deepEqual(months, [utc(2026, 1, 1), utc(2026, 2, 1), utc(2026, 3, 1), utc(2026, 4, 1)]);
  assert.deepEqual(periodBoundaries(utc(2026, 1, 15), utc(2026, 1, 15), 'week'), [utc(2026, 1, 12), utc(2026, 1, 19)], 'an empty range is its one period');
  assert.equal(periodIndex(utc(2026, 2, 1), months), 1);
  assert.equal(periodIndex(utc(2026, 1, 31, 23), months), 0);
  assert.equal(periodIndex(utc(2026, 3, 31, 23), months), 2);
  assert.equal(periodIndex(utc(2026, 4, 1), months), -1);
  assert.equal(periodIndex(utc(2025, 12, 31), months), -1);
});
