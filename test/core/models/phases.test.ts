import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nextPhase } from '../../../src/core/models/phases.js';
import { SHIPPED_MODELS } from '../../../src/core/models/shipped-models.js';

const DAY = 86_400_000;
const hybrid = SHIPPED_MODELS.find((m) => m.id === 'hybrid-onboarding')!;
const highTouch = SHIPPED_MODELS.find((m) => m.id === 'high-touch')!;
const start = Date.UTC(2026, 0, 1);

describe('phases', () => {
  test('onboarding ends at the activation milestone, whatever the day', () => {
    assert.deepEqual(nextPhase(hybrid, { phaseId: 'onboarding', phaseSince: start }, { activated: true, now: start + DAY }), {
      phaseId: 'adoption',
      reason: 'High-touch onboarding ended at the activation milestone (the account entered segment activated); now Low touch after onboarding',
    });
  });

  test('onboarding ends after its maximum days, not a millisecond before', () => {
    assert.equal(nextPhase(hybrid, { phaseId: 'onboarding', phaseSince: start }, { activated: false, now: start + 90 * DAY - 1 }), null);
    assert.equal(nextPhase(hybrid, { phaseId: 'onboarding', phaseSince: start }, { activated: false, now: start + 90 * DAY })?.phaseId, 'adoption');
  });

  test('the last phase, a one-phase model and an unknown phase never end', () => {
    assert.equal(nextPhase(hybrid, { phaseId: 'adoption', phaseSince: start }, { activated: true, now: start + 999 * DAY }), null);
    assert.equal(nextPhase(highTouch, { phaseId: 'dedicated', phaseSince: start }, { activated: true, now: start + 999 * DAY }), null);
    assert.equal(nextPhase(hybrid, { phaseId: 'gone', phaseSince: start }, { activated: true, now: start }), null);
  });
});
