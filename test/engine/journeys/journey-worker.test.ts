import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { JourneyWorker, type JourneyWorkerOptions } from '../../../src/engine/journeys/journey-worker.js';
import { startJourneyRun } from '../../../src/engine/journeys/start-journey-run.js';
import { BatchReads, PermanentEffectFailure, storePerformers } from '../../../src/engine/journeys/effect-performers.js';
import { advanceRun } from '../../../src/engine/journeys/advance-run.js';
import type { Store } from '../../../src/store/store.js';
import { TestClock, testContext } from '../../support/context.js';
import { DATABASES, newWorkspaceId, openTestStore } from '../../support/databases.js';
import { countingPerformers, DAY, followUp, HOUR, journey, lookup, ownedAccount } from './journey-fixtures.js';

const MINUTE = 60_000;

for (const database of DATABASES) {
  describe(`journey workers on ${database.name}`, () => {
    let store: Store;
    before(async () => (store = await openTestStore(database)));
    after(async () => store.close());

    async function setUp(accounts = ['acme']) {
      const clock = new TestClock(Date.UTC(2026, 2, 2, 12));
      const context = testContext(store, clock);
      const ws = newWorkspaceId();
      const owners = new Map<string, string>();
      for (const groupId of accounts) owners.set(groupId, await ownedAccount(context, ws, groupId));
      // A worker over this workspace only (suites share a PostgreSQL server), with the calls its performers saw.
      const worker = (options: Partial<JourneyWorkerOptions> = {}, performers = countingPerformers(context)) => {
        const worker = new JourneyWorker(context, { journeys: lookup(followUp), performers: performers.performers, workspaceIds: [ws], ...options });
        return { worker, calls: performers.calls, [Symbol.asyncDispose]: () => worker.stop() };
      };
      return { clock, context, ws, owners, worker };
    }

    test('wait, task, wait, task: each task appears once its timer came, and a second pass creates nothing twice', async () => {
      const { clock, context, ws, owners, worker } = await setUp();
      const started = await startJourneyRun(context, ws, followUp, { kind: 'account', id: 'acme' });
      assert.ok(started.started);
      await using one = worker();
      const tasks = async () => (await store.tasks.list(ws, { groupId: 'acme', limit: 10 }, clock.now())).map((t) => [t.title, t.ownerId]);

      clock.advance(DAY - 1);
      assert.deepEqual(await one.worker.runOnce(), { fed: 0, advanced: 0, performed: 0, failed: 0, deferred: 0, dead: 0, errors: 0 }, 'nothing is due a millisecond early');
      assert.deepEqual(await tasks(), []);

      clock.advance(1);
      assert.deepEqual(await one.worker.runOnce(), { fed: 0, advanced: 1, performed: 1, failed: 0, deferred: 0, dead: 0, errors: 0 });
      assert.deepEqual(await tasks(), [['First call', owners.get('acme')]]);
      assert.deepEqual(await one.worker.runOnce(), { fed: 0, advanced: 0, performed: 0, failed: 0, deferred: 0, dead: 0, errors: 0 });

      clock.advance(2 * DAY);
      await one.worker.runOnce();
      await one.worker.runOnce();
      assert.deepEqual(await tasks(), [['First call', owners.get('acme')], ['Second call', owners.get('acme')]]);
      assert.deepEqual([...one.calls.values()], [1, 1]);
      const run = await store.journeys.runs.find(ws, started.run.id);
      assert.deepEqual([run?.state.status, run?.endedAt], ['completed', clock.now()]);
    });

    test('a worker that comes back days late performs every timer that came due, once', async () => {
      const { clock, context, ws, worker } = await setUp();
      await startJourneyRun(context, ws, followUp, { kind: 'account', id: 'acme' });
      // Down for a week: the first timer is late; the second starts counting when the first is performed.
      clock.advance(7 * DAY);
      await using one = worker();
      assert.equal((await one.worker.runOnce()).performed, 1);
      clock.advance(2 * DAY);
      assert.equal((await one.worker.runOnce()).performed, 1);
      assert.equal((await store.tasks.list(ws, { groupId: 'acme', limit: 10 }, clock.now())).length, 2);
    });

    test('a performer that throws is retried with growing delays and is dead after the last attempt', async () => {
      const { clock, context, ws, worker } = await setUp();
      const ping = journey({ id: 'ping', name: 'Ping', subject: 'account', trigger: { api: {} }, steps: [{ id: 'hook', webhook: { url: 'https://example.com/hook' } }] });
      const performers = countingPerformers(context);
      performers.performers.webhook = async (effect) => {
        performers.calls.set(effect.key, (performers.calls.get(effect.key) ?? 0) + 1);
        throw new Error('503 from example.com');
      };
      await using one = worker({ journeys: lookup(ping), maxAttempts: 3, retryDelay: (attempts) => attempts * MINUTE }, performers);
      const started = await startJourneyRun(context, ws, ping, { kind: 'account', id: 'acme' });
      assert.ok(started.started);

      assert.deepEqual(await one.worker.runOnce(), { fed: 0, advanced: 0, performed: 0, failed: 1, deferred: 0, dead: 0, errors: 0 });
      let [effect] = await store.journeys.effects.list(ws, { runId: started.run.id });
      assert.deepEqual([effect?.status, effect?.attempts, effect?.nextAttemptAt, effect?.lastError], ['failed', 1, clock.now() + MINUTE, '503 from example.com']);
      clock.advance(MINUTE - 1);
      assert.equal((await one.worker.runOnce()).failed, 0, 'not before its delay');
      clock.advance(1);
      assert.equal((await one.worker.runOnce()).failed, 1);
      clock.advance(2 * MINUTE);
      assert.equal((await one.worker.runOnce()).dead, 1);
      [effect] = await store.journeys.effects.list(ws, { runId: started.run.id });
      assert.deepEqual([effect?.status, effect?.attempts, effect?.nextAttemptAt], ['dead', 3, null]);
      clock.advance(DAY);
      await one.worker.runOnce();
      assert.equal(performers.calls.get(effect!.key), 3);
    });

    test('an effect that can never succeed is dead at once', async () => {
      const { context, ws, worker } = await setUp();
      const ping = journey({ id: 'ping', name: 'Ping', subject: 'account', trigger: { api: {} }, steps: [{ id: 'hook', webhook: { url: 'https://example.com/hook' } }] });
      const performers = countingPerformers(context);
      performers.performers.webhook = async () => {
        throw new PermanentEffectFailure('the account was deleted');
      };
      await using one = worker({ journeys: lookup(ping) }, performers);
      await startJourneyRun(context, ws, ping, { kind: 'account', id: 'acme' });
      assert.equal((await one.worker.runOnce()).dead, 1);
    });

    test('two workers racing over the same due work perform each effect exactly once', async () => {
      const accounts = Array.from({ length: 12 }, (_, i) => `acct-${i}`);
      const { clock, context, ws, worker } = await setUp(accounts);
      for (const id of accounts) await startJourneyRun(context, ws, followUp, { kind: 'account', id });
      const calls = new Map<string, number>();
      await using a = worker({ batchSize: 5 }, countingPerformers(testContext(store, clock), calls));
      await using b = worker({ batchSize: 5 }, countingPerformers(testContext(store, clock), calls));
      clock.advance(DAY);
      await Promise.all([a.worker.runOnce(), b.worker.runOnce(), a.worker.runOnce(), b.worker.runOnce()]);
      clock.advance(2 * DAY);
      await Promise.all([a.worker.runOnce(), b.worker.runOnce(), a.worker.runOnce(), b.worker.runOnce()]);
      assert.equal(calls.size, 2 * accounts.length);
      assert.ok([...calls.values()].every((n) => n === 1), JSON.stringify([...calls]));
      const tasks = await store.tasks.list(ws, { limit: 100 }, clock.now());
      assert.equal(tasks.length, 2 * accounts.length);
    });

    test('a due run claimed by a worker that died is advanced once its lease ran out', async () => {
      const { clock, context, ws, worker } = await setUp();
      await using one = worker();
      await startJourneyRun(context, ws, followUp, { kind: 'account', id: 'acme' });
      clock.advance(DAY);
      assert.equal((await store.journeys.runs.claimDue({ now: clock.now(), limit: 10, leaseMs: MINUTE, workspaceIds: [ws] })).length, 1);
      assert.equal((await one.worker.runOnce()).advanced, 0, 'the lease still holds');
      clock.advance(MINUTE);
      assert.deepEqual(await one.worker.runOnce(), { fed: 0, advanced: 1, performed: 1, failed: 0, deferred: 0, dead: 0, errors: 0 });
    });

    test('effects claimed by a worker that died are performed once, after its lease ran out', async () => {
      const { clock, context, ws, worker } = await setUp();
      await using one = worker({ effectLeaseMs: 5 * MINUTE });
      const started = await startJourneyRun(context, ws, followUp, { kind: 'account', id: 'acme' });
      assert.ok(started.started);
      clock.advance(DAY);
      await advanceRun(context, ws, started.run.id, { kind: 'timer' }, lookup(followUp));
      const [abandoned] = await store.journeys.effects.claim({ now: clock.now(), limit: 10, leaseMs: 5 * MINUTE, workspaceIds: [ws] });
      assert.equal(abandoned?.effect.kind, 'task');

      clock.advance(5 * MINUTE - 1);
      assert.equal((await one.worker.runOnce()).performed, 0, 'the lease still holds');
      clock.advance(1);
      assert.equal((await one.worker.runOnce()).performed, 1);
      assert.equal((await store.tasks.list(ws, { groupId: 'acme', limit: 10 }, clock.now())).length, 1);
      assert.equal(await store.journeys.effects.done(ws, abandoned!.effect.key, abandoned!.attempt, clock.now()), false, 'the dead claim records nothing');
      assert.deepEqual([...one.calls.values()], [1]);
    });

    test('a batch that outlasts its lease leaves the rest of it, which is performed once by a later claim', async () => {
      const { clock, context, ws, worker } = await setUp(['acme', 'globex']);
      const calls = new Map<string, number>();
      const counting = countingPerformers(context, calls);
      // Each task takes six minutes to create: longer than the five-minute lease of the batch.
      const slow = { ...counting, performers: { ...counting.performers, task: async (...args: Parameters<typeof counting.performers.task>) => { clock.advance(6 * MINUTE); await counting.performers.task(...args); } } };
      await using one = worker({ effectLeaseMs: 5 * MINUTE }, slow);
      for (const id of ['acme', 'globex']) assert.ok((await startJourneyRun(context, ws, followUp, { kind: 'account', id })).started);
      clock.advance(DAY);
      const first = await one.worker.runOnce();
      assert.deepEqual([first.advanced, first.performed], [2, 1], 'the second effect was left when the lease had run out');
      const second = await one.worker.runOnce();
      assert.equal(second.performed, 1);
      assert.deepEqual([...calls.values()], [1, 1]);
    });

    test('a crash between performing and recording performs again under the same key, and the task is created once', async () => {
      const { clock, context, ws, worker } = await setUp();
      await using one = worker({ effectLeaseMs: 5 * MINUTE });
      const started = await startJourneyRun(context, ws, followUp, { kind: 'account', id: 'acme' });
      assert.ok(started.started);
      clock.advance(DAY);
      await advanceRun(context, ws, started.run.id, { kind: 'timer' }, lookup(followUp));
      const [claim] = await store.journeys.effects.claim({ now: clock.now(), limit: 10, leaseMs: 5 * MINUTE, workspaceIds: [ws] });
      assert.ok(claim?.effect.kind === 'task');
      await storePerformers(context).task(claim.effect, claim, new BatchReads());

      clock.advance(5 * MINUTE);
      assert.equal((await one.worker.runOnce()).performed, 1);
      const [effect] = await store.journeys.effects.list(ws, { runId: started.run.id });
      assert.deepEqual([effect?.status, effect?.attempts], ['done', 2]);
      assert.equal((await store.tasks.list(ws, { groupId: 'acme', limit: 10 }, clock.now())).length, 1);
    });

    test('a started worker keeps passing on its own and stops cleanly', async () => {
      const { clock, context, ws } = await setUp();
      const delays: (() => void)[] = [];
      const { performers } = countingPerformers(context);
      const worker = new JourneyWorker(context, { journeys: lookup(followUp), performers, workspaceIds: [ws], delay: (_ms, run) => (delays.push(run), () => {}) });
      await startJourneyRun(context, ws, followUp, { kind: 'account', id: 'acme' });
      clock.advance(DAY);
      worker.start();
      await worker.idle();
      // The first pass did work, so the next is scheduled at once.
      assert.equal(delays.length, 1);
      assert.equal((await store.tasks.list(ws, { groupId: 'acme', limit: 10 }, clock.now())).length, 1);
      await worker.stop();
      delays[0]!();
      await worker.idle();
      assert.equal(delays.length, 1, 'a stopped worker schedules nothing');
    });

    test('an idle worker sleeps until the next timer comes due, pollMs at most', async () => {
      const { clock, context, ws } = await setUp();
      const sleeps: { ms: number; run: () => void }[] = [];
      const { performers } = countingPerformers(context);
      const worker = new JourneyWorker(context, { journeys: lookup(followUp), performers, workspaceIds: [ws], pollMs: 10 * MINUTE, delay: (ms, run) => (sleeps.push({ ms, run }), () => {}) });
      await startJourneyRun(context, ws, followUp, { kind: 'account', id: 'acme' });
      worker.start();
      await worker.idle();
      assert.deepEqual(sleeps.map((s) => s.ms), [10 * MINUTE], 'the timer is a day away');
      clock.advance(DAY - 3 * MINUTE);
      sleeps[0]!.run();
      await worker.idle();
      assert.deepEqual(sleeps.map((s) => s.ms), [10 * MINUTE, 3 * MINUTE]);
      clock.advance(3 * MINUTE);
      sleeps[1]!.run();
      await worker.idle();
      assert.equal(sleeps[2]?.ms, 0, 'the pass did work: the next follows at once');
      assert.equal((await store.tasks.list(ws, { groupId: 'acme', limit: 10 }, clock.now())).length, 1);
      await worker.stop();
    });

    test("effects of different subjects are performed side by side: one subject's slow effect holds back only its own", async () => {
      const { context, ws, worker } = await setUp(['acme', 'beta']);
      const ping = journey({ id: 'ping', name: 'Ping', subject: 'account', trigger: { api: {} }, steps: [{ id: 'one', webhook: { url: 'https://example.com/1' } }, { id: 'two', webhook: { url: 'https://example.com/2' } }] });
      const performers = countingPerformers(context);
      const order: string[] = [];
      let release = () => {};
      const slow = new Promise<void>((resolve) => (release = resolve));
      performers.performers.webhook = async (effect, claim) => {
        if (claim.subject.id === 'acme' && effect.stepId === 'one') await slow;
        order.push(`${claim.subject.id}:${effect.stepId}`);
        if (order.length === 2) release();
      };
      await using one = worker({ journeys: lookup(ping) }, performers);
      await startJourneyRun(context, ws, ping, { kind: 'account', id: 'acme' });
      await startJourneyRun(context, ws, ping, { kind: 'account', id: 'beta' });
      assert.equal((await one.worker.runOnce()).performed, 4);
      assert.deepEqual(order, ['beta:one', 'beta:two', 'acme:one', 'acme:two']);
    });
  });
}
