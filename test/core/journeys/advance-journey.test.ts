import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { advanceJourney, initialRunState, type RunEnvironment, type RunState } from '../../../src/core/journeys/advance-journey.js';
import { parseJourney, type JourneyDefinition } from '../../../src/core/journeys/journey-definition.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const start = Date.UTC(2026, 2, 2, 12);

function journey(input: unknown): JourneyDefinition {
  const parsed = parseJourney(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.journey;
}

const onboarding = journey({
  id: 'low-touch-onboarding',
  name: 'Low-touch onboarding',
  trigger: { model: { to: 'low-touch' } },
  goal: { event: { name: 'Onboarding Completed' } },
  steps: [
    { id: 'welcome', email: { template: 'welcome' } },
    { id: 'two-days', wait: { for: { days: 2 } } },
    { id: 'activated', branch: { cases: [{ when: { event: { name: 'Feature Used', atLeast: 3 } }, next: 'done' }], otherwise: 'nudge' } },
    { id: 'nudge', email: { template: 'feature-tips' } },
    { id: 'wait-login', wait: { event: { name: 'Signed In' }, timeout: { days: 5 }, onTimeout: 'call' } },
    { id: 'done', exit: {} },
    { id: 'call', task: { type: 'escalation', title: 'Call: not activated', dueInBusinessDays: 1 } },
  ],
});

const env = (now: number, holds = false): RunEnvironment => ({ now, runId: 'run-1', subjectId: 'ann', zone: 'Europe/Oslo', holds: () => holds });

describe('advancing a journey run', () => {
  test('start performs steps until the first wait: the welcome e-mail goes out under a stable key', () => {
    const { state, effects, entered } = advanceJourney(onboarding, initialRunState(), { kind: 'start' }, env(start));
    assert.deepEqual(effects, [{ key: 'run-1:1:welcome', stepId: 'welcome', kind: 'email', template: 'welcome' }]);
    assert.deepEqual(entered, ['welcome', 'two-days']);
    assert.deepEqual([state.status, state.stepId, state.wakeAt], ['waiting', 'two-days', start + 2 * DAY]);
  });

  test('the same start again, or a timer not yet due, changes nothing: duplicates are harmless', () => {
    const first = advanceJourney(onboarding, initialRunState(), { kind: 'start' }, env(start)).state;
    assert.deepEqual(advanceJourney(onboarding, first, { kind: 'start' }, env(start)), { state: first, effects: [], entered: [] });
    assert.deepEqual(advanceJourney(onboarding, first, { kind: 'timer' }, env(start + DAY)), { state: first, effects: [], entered: [] });
  });

  test('a due timer branches: not activated gets the tips and waits for a sign-in, with a timeout', () => {
    const waiting = advanceJourney(onboarding, initialRunState(), { kind: 'start' }, env(start)).state;
    const { state, effects } = advanceJourney(onboarding, waiting, { kind: 'timer' }, env(start + 2 * DAY, false));
    assert.deepEqual(effects.map((e) => e.key), ['run-1:4:nudge']);
    assert.deepEqual([state.stepId, state.wakeAt, state.awaiting?.name], ['wait-login', start + 7 * DAY, 'Signed In']);
  });

  test('activated at the branch: the run exits at the exit step', () => {
    const waiting = advanceJourney(onboarding, initialRunState(), { kind: 'start' }, env(start)).state;
    const { state, effects } = advanceJourney(onboarding, waiting, { kind: 'timer' }, env(start + 2 * DAY, true));
    assert.deepEqual(effects, []);
    assert.deepEqual([state.status, state.endReason], ['exited', 'reached exit step done']);
  });

  test('the awaited event continues the run; another event does not', () => {
    let state: RunState = advanceJourney(onboarding, initialRunState(), { kind: 'start' }, env(start)).state;
    state = advanceJourney(onboarding, state, { kind: 'timer' }, env(start + 2 * DAY)).state;
    assert.equal(advanceJourney(onboarding, state, { kind: 'event', name: 'Page Viewed', properties: {} }, env(start + 3 * DAY)).state, state);
    const after = advanceJourney(onboarding, state, { kind: 'event', name: 'Signed In', properties: {} }, env(start + 3 * DAY));
    assert.deepEqual([after.state.status, after.entered], ['exited', ['done']]);
  });

  test('the timeout takes onTimeout: an escalation task due within one business day', () => {
    let state: RunState = advanceJourney(onboarding, initialRunState(), { kind: 'start' }, env(start)).state;
    state = advanceJourney(onboarding, state, { kind: 'timer' }, env(start + 2 * DAY)).state;
    const { state: after, effects } = advanceJourney(onboarding, state, { kind: 'timer' }, env(start + 7 * DAY));
    assert.deepEqual(effects, [{ key: 'run-1:6:call', stepId: 'call', kind: 'task', type: 'escalation', title: 'Call: not activated', dueAt: start + 8 * DAY }]);
    assert.equal(after.status, 'completed');
  });

  test('the goal converts and ends the run wherever it is; nothing moves it after', () => {
    const waiting = advanceJourney(onboarding, initialRunState(), { kind: 'start' }, env(start)).state;
    const converted = advanceJourney(onboarding, waiting, { kind: 'goal' }, env(start + DAY)).state;
    assert.deepEqual([converted.status, converted.stepId], ['converted', 'two-days']);
    assert.deepEqual(advanceJourney(onboarding, converted, { kind: 'timer' }, env(start + 9 * DAY)).effects, []);
  });

  test('a split is sticky per subject and recorded; arms follow their weights', () => {
    const ab = journey({
      id: 'ab', name: 'A/B', trigger: { api: {} },
      steps: [
        { id: 'split', split: { arms: [{ id: 'a', weight: 1, next: 'mail-a' }, { id: 'b', weight: 3, next: 'mail-b' }] } },
        { id: 'mail-a', email: { template: 'a' }, next: 'end' },
        { id: 'mail-b', email: { template: 'b' } },
        { id: 'end', exit: {} },
      ],
    });
    const armOf = (subjectId: string) => advanceJourney(ab, initialRunState(), { kind: 'start' }, { ...env(start), subjectId, runId: subjectId }).state.arms['split'];
    assert.equal(armOf('ann'), armOf('ann'));
    const arms = Array.from({ length: 4000 }, (_, i) => armOf(`contact-${i}`));
    const share = arms.filter((a) => a === 'b').length / arms.length;
    assert.ok(share > 0.72 && share < 0.78, `b took ${share}`);
  });

  test('a loop without a wait ends the run instead of spinning', () => {
    const loop = journey({ id: 'loop', name: 'Loop', trigger: { api: {} }, steps: [{ id: 'again', branch: { cases: [{ when: { trait: { name: 'x', op: 'exists' } }, next: 'again' }], otherwise: 'again' } }] });
    const { state } = advanceJourney(loop, initialRunState(), { kind: 'start' }, env(start));
    assert.equal(state.status, 'exited');
    assert.match(state.endReason!, /without waiting/);
  });

  test('waiting until a time of day uses the subject’s time zone', () => {
    const morning = journey({ id: 'am', name: 'AM', trigger: { api: {} }, steps: [{ id: 'nine', wait: { until: '09:00' } }, { id: 'mail', email: { template: 'x' } }] });
    const { state } = advanceJourney(morning, initialRunState(), { kind: 'start' }, env(start)); // 13:00 in Oslo
    assert.equal(new Date(state.wakeAt!).toISOString(), '2026-03-03T08:00:00.000Z');
  });
});

describe('journey definitions', () => {
  test('issues name the path and the reason, branch conditions included', () => {
    const result = parseJourney({
      id: 'x', name: 'X', trigger: { api: {} },
      steps: [
        { id: 'a', branch: { cases: [{ when: { trait: { name: 'plan', op: 'equals', value: 1 } }, next: 'b' }], otherwise: 'nowhere' } },
        { id: 'a', email: { template: 'w' } },
      ],
    });
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && result.issues.map((i) => i.path), ['steps.1.id', 'steps.0.branch.otherwise', 'steps.0.branch.cases.0.next', 'steps.0.branch.cases.0.when.trait.op']);
  });

  test('an unknown step kind or trigger is refused', () => {
    assert.equal(parseJourney({ id: 'x', name: 'X', trigger: { sometimes: {} }, steps: [{ id: 'a', email: { template: 'w' } }] }).ok, false);
    assert.equal(parseJourney({ id: 'x', name: 'X', trigger: { api: {} }, steps: [{ id: 'a', fax: {} }] }).ok, false);
  });
});
