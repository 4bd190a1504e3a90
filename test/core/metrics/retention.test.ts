import assert from 'node:assert/strict';
import { test } from 'node:test';
import { retentionRate, retentionTable } from '../../../src/core/metrics/retention.js';

const week = (w: number, day = 0) => Date.UTC(2026, 0, 5 + 7 * w + day, 10);
const WEEKS = [0, 1, 2, 3].map((w) => Date.UTC(2026, 0, 5 + 7 * w));

test('weekly sign-up cohorts: sizes, and who came back in each week after', () => {
  // Week 0: ann, bob, cy sign up; week 1: dee. eve signed up before the range: in no cohort.
  const births = [
    { contactId: 'ann', at: week(0) },
    { contactId: 'bob', at: week(0, 2) },
    { contactId: 'cy', at: week(0, 6) },
    { contactId: 'dee', at: week(1, 1) },
    { contactId: 'ann', at: week(2) },
    { contactId: 'eve', at: week(-1) },
  ];
  const activities = [
    ...births,
    { contactId: 'ann', at: week(1) },
    { contactId: 'ann', at: week(1, 3) },
    { contactId: 'bob', at: week(1) },
    { contactId: 'ann', at: week(2, 1) },
    { contactId: 'dee', at: week(0) },
    { contactId: 'dee', at: week(2) },
    { contactId: 'eve', at: week(1) },
    { contactId: 'cy', at: week(5) },
  ];
  const table = retentionTable(births, activities, WEEKS);
  assert.deepEqual(table.map((row) => [row.start, row.size, row.active]), [
    [WEEKS[0], 3, [3, 2, 1]],
    [WEEKS[1], 1, [1, 1]],
    [WEEKS[2], 0, [0]],
  ]);
  assert.equal(retentionRate(table[0]!, 1), 2 / 3, "two of week 0's three came back in week 1");
  assert.equal(retentionRate(table[1]!, 0), 1, "dee's activity before signing up does not count for an earlier week");
  assert.equal(retentionRate(table[2]!, 0), null);
});
