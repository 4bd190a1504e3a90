import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nextTimeOfDay } from '../../../src/core/journeys/time-of-day.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('the next time of day in a time zone', () => {
  test('later today when it is still ahead, else tomorrow', () => {
    assert.equal(iso(nextTimeOfDay(Date.UTC(2026, 5, 1, 5), '09:00', 'Europe/Prague')), '2026-06-01T07:00:00.000Z');
    assert.equal(iso(nextTimeOfDay(Date.UTC(2026, 5, 1, 8), '09:00', 'Europe/Prague')), '2026-06-02T07:00:00.000Z');
  });
  test('west of Greenwich, across midnight UTC', () => {
    // 03:00 UTC on the 10th is 19:00 on the 9th in Los Angeles: 21:30 there is still ahead that evening.
    assert.equal(iso(nextTimeOfDay(Date.UTC(2026, 0, 10, 3), '21:30', 'America/Los_Angeles')), '2026-01-10T05:30:00.000Z');
  });
  test('across a daylight-saving change the wall clock wins', () => {
    // Oslo moves to summer time on 29 March 2026: 09:00 is 08:00 UTC before, 07:00 UTC after.
    assert.equal(iso(nextTimeOfDay(Date.UTC(2026, 2, 28, 12), '09:00', 'Europe/Oslo')), '2026-03-29T07:00:00.000Z');
  });
  test('no zone, or an unknown one, is UTC', () => {
    assert.equal(iso(nextTimeOfDay(Date.UTC(2026, 5, 1, 5), '09:00', null)), '2026-06-01T09:00:00.000Z');
    assert.equal(iso(nextTimeOfDay(Date.UTC(2026, 5, 1, 5), '09:00', 'Mars/Olympus')), '2026-06-01T09:00:00.000Z');
  });
});
