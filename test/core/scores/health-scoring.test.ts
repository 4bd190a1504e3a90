import assert from 'node:assert/strict';
import { test } from 'node:test';
import { healthScore, parseHealthScoring, SHIPPED_HEALTH_SCORING } from '../../../src/core/scores/health-scoring.js';

test('health: each measure 0–100, weighted over those with data, graded', () => {
  const full = healthScore(SHIPPED_HEALTH_SCORING, { usage: 20, engagement: 40, tickets: 2, feedback: 0.5, daysToRenewal: 45 });
  assert.deepEqual(full.measures, { usage: 50, engagement: 40, support: 70, feedback: 75, renewal: 50 });
  assert.equal(full.score, 56, '(50×30 + 40×20 + 70×15 + 75×20 + 50×15) / 100');
  assert.equal(full.grade, 'C');
  const partial = healthScore(SHIPPED_HEALTH_SCORING, { usage: 20, engagement: 40, tickets: 2, feedback: null, daysToRenewal: null });
  assert.equal(partial.score, (50 * 30 + 40 * 20 + 70 * 15) / 65, 'without feedback or a renewal date, the other weights count');
  assert.equal(healthScore(SHIPPED_HEALTH_SCORING, { usage: 80, engagement: 100, tickets: 0, feedback: 1, daysToRenewal: 400 }).grade, 'A');
  assert.equal(healthScore(SHIPPED_HEALTH_SCORING, { usage: 0, engagement: 0, tickets: 9, feedback: -1, daysToRenewal: -5 }).grade, 'F');
});

test('the shipped health scoring is valid; weights must be numbers', () => {
  assert.ok(parseHealthScoring(SHIPPED_HEALTH_SCORING).ok);
  const bad = parseHealthScoring({ id: 'default', weights: { usage: 'a lot' } });
  assert.ok(!bad.ok);
  assert.ok(bad.issues.some((i) => i.path === 'weights.usage'));
});
