import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { advanceRun } from '../../../src/engine/journeys/advance-run.js';
import { startJourneyRun } from '../../../src/engine/journeys/start-journey-run.js';
import type { Store } from '../../../src/store/store.js';
import { TestClock, testContext } from '../../support/context.js';
import { DATABASES, newWorkspaceId, openTestStore } from '../../support/databases.js';
import { messages, newId } from '../../support/messages.js';
import { DAY, journey, lookup } from './journey-fixtures.js';

const onboarding = journey({
  id: 'onboarding',
  name: 'Onboarding',
  trigger: { event: { name: 'Signed Up' } },
  goal: { event: { name: 'Onboarding Completed' } },
  steps: [
    { id: 'split', split: { arms: [{ id: 'short', weight: 1, next: 'short-mail' }, { id: 'long', weight: 1, next: 'long-mail' }] } },
    { id: 'short-mail', email: { template: 'short' }, next: 'wait' },
    { id: 'long-mail', email: { template: 'long' } },
    { id: 'wait', wait: { event: { name: 'Report Created' }, timeout: { days: 3 }, onTimeout: 'check' } },
    { id: 'check', branch: { cases: [{ when: { trait: { name: 'plan', op: 'eq', value: 'pro' } }, next: 'pro-mail' }], otherwise: 'free-mail' } },
    { id: 'pro-mail', email: { template: 'pro' }, next: 'end' },
    { id: 'free-mail', email: { template: 'free' } },
    { id: 'end', exit: {} },
  ],
});

for (const database of DATABASES) {
  describe(`journey runs on ${database.name}`, () => {
    let store: Store;
    before(async () => (store = await openTestStore(database)));
    after(async () => store.close());

    async function setUp(people: { userId: string; plan?: string }[]) {
      const clock = new TestClock(Date.UTC(2026, 2, 2, 12));
      const context = testContext(store, clock);
      const ws = newWorkspaceId();
      await store.workspaces.ensure(ws, ws, clock.now());
      await store.writeMessages(ws, messages(people.map((p) => ({ type: 'identify', userId: p.userId, traits: p.plan ? { plan: p.plan } : {} })), clock.now()), newId);
      const ids = new Map<string, string>();
      for (const p of people) ids.set(p.userId, (await store.contacts.findByUserId(ws, p.userId))!.id);
      return { clock, context, ws, ids };
    }

    test('a branch reads the subject’s traits: a pro contact gets the pro e-mail after the timeout', async () => {
      const { clock, context, ws, ids } = await setUp([{ userId: 'ann', plan: 'pro' }, { userId: 'bob' }]);
      const runs = new Map<string, string>();
      for (const [userId, id] of ids) {
        const result = await startJourneyRun(context, ws, onboarding, { kind: 'contact', id }, { event: 'Signed Up' });
        assert.ok(result.started);
        runs.set(userId, result.run.id);
      }
      clock.advance(3 * DAY);
      for (const runId of runs.values()) await advanceRun(context, ws, runId, { kind: 'timer' }, lookup(onboarding));
      const templates = async (runId: string) => (await store.journeys.effects.list(ws, { runId })).map((e) => e.stepId).filter((id) => id === 'pro-mail' || id === 'free-mail');
      assert.deepEqual(await templates(runs.get('ann')!), ['pro-mail']);
      assert.deepEqual(await templates(runs.get('bob')!), ['free-mail']);
    });

    test('an input that does not apply changes nothing; the awaited event moves the run on', async () => {
      const { clock, context, ws, ids } = await setUp([{ userId: 'ann' }]);
      const result = await startJourneyRun(context, ws, onboarding, { kind: 'contact', id: ids.get('ann')! });
      assert.ok(result.started);
      clock.advance(DAY);
      const early = await advanceRun(context, ws, result.run.id, { kind: 'timer' }, lookup(onboarding));
      assert.deepEqual([early.changed, early.run.version], [false, 1]);
      const moved = await advanceRun(context, ws, result.run.id, { kind: 'event', name: 'Report Created', properties: {} }, lookup(onboarding));
      assert.deepEqual([moved.changed, moved.run.version, moved.advance.entered[0]], [true, 2, 'check']);
    });

    test('the same timer delivered by several callers at once advances the run once', async () => {
      const { clock, context, ws, ids } = await setUp([{ userId: 'ann' }]);
      const result = await startJourneyRun(context, ws, onboarding, { kind: 'contact', id: ids.get('ann')! });
      assert.ok(result.started);
      clock.advance(3 * DAY);
      const outcomes = await Promise.all(Array.from({ length: 4 }, () => advanceRun(context, ws, result.run.id, { kind: 'timer' }, lookup(onboarding))));
      assert.equal(outcomes.filter((o) => o.changed).length, 1);
      assert.equal((await store.journeys.runs.find(ws, result.run.id))?.version, 2);
    });

    test('a run whose journey was deleted exits when it next moves', async () => {
      const { clock, context, ws, ids } = await setUp([{ userId: 'ann' }]);
      const result = await startJourneyRun(context, ws, onboarding, { kind: 'contact', id: ids.get('ann')! });
      assert.ok(result.started);
      clock.advance(3 * DAY);
      const exited = await advanceRun(context, ws, result.run.id, { kind: 'timer' }, lookup());
      assert.deepEqual([exited.run.state.status, exited.run.state.endReason], ['exited', 'journey onboarding no longer exists']);
    });

    test('a journey for contacts does not start for an account', async () => {
      const { context, ws } = await setUp([]);
      await assert.rejects(startJourneyRun(context, ws, onboarding, { kind: 'account', id: 'acme' }), /for contacts, not accounts/);
    });

    test('stats count runs by status, entries and conversions per step and split arm, and the open runs at each step', async () => {
      const people = Array.from({ length: 8 }, (_, i) => ({ userId: `person-${i}` }));
      const { clock, context, ws, ids } = await setUp(people);
      const runs: string[] = [];
      for (const id of ids.values()) {
        const result = await startJourneyRun(context, ws, onboarding, { kind: 'contact', id });
        assert.ok(result.started);
        runs.push(result.run.id);
      }
      clock.advance(DAY);
      await advanceRun(context, ws, runs[0]!, { kind: 'goal' }, lookup(onboarding));
      await advanceRun(context, ws, runs[1]!, { kind: 'goal' }, lookup(onboarding));
      await advanceRun(context, ws, runs[2]!, { kind: 'exit', reason: 'left the segment' }, lookup(onboarding));
      await advanceRun(context, ws, runs[3]!, { kind: 'event', name: 'Report Created', properties: {} }, lookup(onboarding));

      const stats = await store.journeys.stats(ws, onboarding.id);
      assert.deepEqual([stats.entered, stats.waiting, stats.completed, stats.exited, stats.converted], [8, 4, 0, 2, 2]);
      const arms = new Map<string, string>();
      for (const runId of runs) arms.set(runId, (await store.journeys.runs.find(ws, runId))!.state.arms['split']!);
      const armStats = ['long', 'short'].filter((arm) => [...arms.values()].includes(arm)).map((arm) => ({
        stepId: 'split', armId: arm, entered: [...arms.values()].filter((a) => a === arm).length, converted: runs.slice(0, 2).filter((r) => arms.get(r) === arm).length,
      }));
      assert.deepEqual(stats.arms, armStats);
      const step = (id: string) => stats.steps.find((s) => s.stepId === id);
      // The four runs not ended all wait at `wait`.
      assert.deepEqual(step('split'), { stepId: 'split', entered: 8, converted: 2, now: 0 });
      assert.deepEqual(step('wait'), { stepId: 'wait', entered: 8, converted: 2, now: 4 });
      assert.deepEqual(step('check'), { stepId: 'check', entered: 1, converted: 0, now: 0 });
      assert.equal((step('short-mail')?.entered ?? 0) + (step('long-mail')?.entered ?? 0), 8);
    });
  });
}
