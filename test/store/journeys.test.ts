import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { advanceJourney, initialRunState, type Advance, type RunEnvironment } from '../../src/core/journeys/advance-journey.js';
import { parseJourney, type JourneyDefinition } from '../../src/core/journeys/journey-definition.js';
import type { Store } from '../../src/store/store.js';
import { DATABASES, newWorkspaceId, openTestStore } from '../support/databases.js';
import { messages, newId } from '../support/messages.js';

const DAY = 86_400_000;
const MINUTE = 60_000;
const t0 = Date.UTC(2026, 2, 2, 12);

function journey(input: unknown): JourneyDefinition {
  const parsed = parseJourney(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.journey;
}

const nudge = journey({
  id: 'nudge',
  name: 'Nudge',
  trigger: { api: {} },
  steps: [
    { id: 'hello', email: { template: 'hello' } },
    { id: 'wait', wait: { for: { days: 1 } } },
    { id: 'reminder', email: { template: 'reminder' } },
  ],
});

const env = (runId: string, now: number): RunEnvironment => ({ now, runId, subjectId: 'ann', zone: null, holds: () => false });
const started = (runId: string, now = t0): Advance => advanceJourney(nudge, initialRunState(), { kind: 'start' }, env(runId, now));
const contact = { kind: 'contact' as const, id: 'ann' };

for (const database of DATABASES) {
  describe(`journey runs in the store on ${database.name}`, () => {
    let store: Store;
    before(async () => (store = await openTestStore(database)));
    after(async () => store.close());

    const start = (ws: string, id: string, entry: JourneyDefinition['entry'], now = t0) =>
      store.journeys.runs.start(ws, { id, journeyId: nudge.id, subject: contact, trigger: { source: 'test' }, advance: started(id, now) }, entry, now);

    test('a run is stored with its first advance: state, timer, effects in the ledger and visits', async () => {
      const ws = newWorkspaceId();
      const result = await start(ws, 'run-1', { once: true });
      assert.ok(result.started);
      const run = await store.journeys.runs.find(ws, 'run-1');
      assert.deepEqual([run?.state.status, run?.state.wakeAt, run?.version, run?.trigger, run?.endedAt], ['waiting', t0 + DAY, 1, { source: 'test' }, null]);
      assert.deepEqual((await store.journeys.effects.list(ws)).map((e) => [e.key, e.status, e.attempts, e.nextAttemptAt]), [['run-1:1:hello', 'pending', 0, t0]]);
      assert.deepEqual((await store.journeys.stats(ws, nudge.id)).steps.map((s) => [s.stepId, s.entered]), [['hello', 1], ['wait', 1]]);
    });

    test('a second run of the same journey is refused while one is active, and after it ended when entry is once', async () => {
      const ws = newWorkspaceId();
      assert.ok((await start(ws, 'run-1', { once: true })).started);
      assert.deepEqual(await start(ws, 'run-2', { once: true }), { started: false, reason: 'active' });
      const run = (await store.journeys.runs.find(ws, 'run-1'))!;
      assert.ok(await store.journeys.runs.commit(ws, run, advanceJourney(nudge, run.state, { kind: 'exit', reason: 'left' }, env('run-1', t0 + MINUTE)), t0 + MINUTE));
      assert.deepEqual(await start(ws, 'run-2', { once: true }, t0 + 2 * MINUTE), { started: false, reason: 'entered-before' });
      assert.equal(await store.journeys.runs.find(ws, 'run-2'), undefined);
      assert.deepEqual((await store.journeys.effects.list(ws)).map((e) => e.key), ['run-1:1:hello'], 'a refused start writes nothing');
    });

    test('again after a cool-down: refused within it since the last entry, admitted after', async () => {
      const ws = newWorkspaceId();
      const entry = { againAfter: { days: 7 } };
      assert.ok((await start(ws, 'run-1', entry)).started);
      const run = (await store.journeys.runs.find(ws, 'run-1'))!;
      await store.journeys.runs.commit(ws, run, advanceJourney(nudge, run.state, { kind: 'goal' }, env('run-1', t0 + DAY)), t0 + DAY);
      assert.deepEqual(await start(ws, 'run-2', entry, t0 + 7 * DAY - 1), { started: false, reason: 'cooling-down' });
      assert.ok((await start(ws, 'run-2', entry, t0 + 7 * DAY)).started);
    });

    test('a commit from a stale version writes nothing, so two workers cannot both advance a run', async () => {
      const ws = newWorkspaceId();
      await start(ws, 'run-1', { once: true });
      const seen = (await store.journeys.runs.find(ws, 'run-1'))!;
      const advance = advanceJourney(nudge, seen.state, { kind: 'timer' }, env('run-1', t0 + DAY));
      assert.equal(await store.journeys.runs.commit(ws, seen, advance, t0 + DAY), true);
      assert.equal(await store.journeys.runs.commit(ws, seen, advance, t0 + DAY), false);
      const run = await store.journeys.runs.find(ws, 'run-1');
      assert.deepEqual([run?.state.status, run?.version, run?.endedAt], ['completed', 2, t0 + DAY]);
      assert.deepEqual((await store.journeys.effects.list(ws)).map((e) => e.key), ['run-1:1:hello', 'run-1:3:reminder']);
      assert.deepEqual((await store.journeys.stats(ws, nudge.id)).steps.map((s) => [s.stepId, s.entered]), [['hello', 1], ['reminder', 1], ['wait', 1]]);
    });

    test('many advances commit together, each its own compare-and-set: a run advanced by another in between is left as that one stored it', async () => {
      const ws = newWorkspaceId();
      await start(ws, 'run-1', { once: true });
      await store.journeys.runs.start(ws, { id: 'run-2', journeyId: nudge.id, subject: { kind: 'contact', id: 'bob' }, trigger: {}, advance: started('run-2') }, { once: true }, t0);
      const seen = await store.journeys.runs.findMany(ws, ['run-1', 'run-2', 'missing']);
      assert.deepEqual(seen.map((r) => r.id).sort(), ['run-1', 'run-2']);
      const timer = (run: (typeof seen)[number]) => ({ run, advance: advanceJourney(nudge, run.state, { kind: 'timer' }, env(run.id, t0 + DAY)) });
      const other = seen.find((r) => r.id === 'run-2')!;
      assert.ok(await store.journeys.runs.commit(ws, other, advanceJourney(nudge, other.state, { kind: 'exit', reason: 'left' }, env('run-2', t0 + MINUTE)), t0 + MINUTE));
      const batch = [seen.find((r) => r.id === 'run-1')!, other].map(timer);
      assert.deepEqual(await store.journeys.runs.commitMany(ws, batch, t0 + DAY), [true, false]);
      const runs = await store.journeys.runs.findMany(ws, ['run-1', 'run-2']);
      assert.deepEqual(runs.map((r) => [r.id, r.state.status, r.version]).sort(), [['run-1', 'completed', 2], ['run-2', 'exited', 2]]);
      assert.deepEqual((await store.journeys.effects.list(ws)).map((e) => e.key).sort(), ['run-1:1:hello', 'run-1:3:reminder', 'run-2:1:hello']);
    });

    test('the next timer and the next retry after now are found, so an idle worker knows how long to sleep', async () => {
      const ws = newWorkspaceId();
      assert.equal(await store.journeys.runs.nextWake(t0, [ws]), null);
      assert.equal(await store.journeys.effects.nextDue(t0, [ws]), null);
      await start(ws, 'run-1', { once: true });
      assert.equal(await store.journeys.runs.nextWake(t0, [ws]), t0 + DAY);
      assert.equal(await store.journeys.runs.nextWake(t0 + DAY, [ws]), null, 'a timer already due is for the pass, not the sleep');
      assert.equal(await store.journeys.effects.nextDue(t0, [ws]), null, 'the welcome is due now');
      const [claim] = await store.journeys.effects.claim({ now: t0, limit: 10, leaseMs: MINUTE, workspaceIds: [ws] });
      await store.journeys.effects.failed(ws, claim!.effect.key, claim!.attempt, { error: 'timeout', retryAt: t0 + 2 * MINUTE, at: t0 });
      assert.equal(await store.journeys.effects.nextDue(t0, [ws]), t0 + 2 * MINUTE);
      assert.equal(await store.journeys.effects.nextDue(t0, []), null);
    });

    test('a batch of effects is recorded done together, each only while its claim holds it', async () => {
      const ws = newWorkspaceId();
      await start(ws, 'run-1', { once: true });
      await store.journeys.runs.start(ws, { id: 'run-2', journeyId: nudge.id, subject: { kind: 'contact', id: 'bob' }, trigger: {}, advance: started('run-2') }, { once: true }, t0);
      const claims = await store.journeys.effects.claim({ now: t0, limit: 10, leaseMs: MINUTE, workspaceIds: [ws] });
      assert.equal(claims.length, 2);
      const done = claims.map((c, i) => ({ workspaceId: ws, key: c.effect.key, attempt: i === 0 ? c.attempt : c.attempt + 1 }));
      assert.equal(await store.journeys.effects.doneMany(done, t0 + 1), 1, 'the second names a claim that does not hold it');
      assert.deepEqual((await store.journeys.effects.list(ws)).map((e) => [e.key, e.status]).sort(), [[claims[0]!.effect.key, 'done'], [claims[1]!.effect.key, 'pending']].sort());
    });

    test('an advance replayed under a newer version adds no effect twice: the ledger keeps one per key', async () => {
      const ws = newWorkspaceId();
      await start(ws, 'run-1', { once: true });
      const run = (await store.journeys.runs.find(ws, 'run-1'))!;
      assert.ok(await store.journeys.runs.commit(ws, { ...run }, started('run-1'), t0));
      assert.ok(await store.journeys.runs.commit(ws, { ...run, version: 2 }, started('run-1'), t0));
      assert.deepEqual((await store.journeys.effects.list(ws)).map((e) => e.key), ['run-1:1:hello']);
    });

    test('due runs are claimed once until their lease runs out, soonest first, in the workspaces asked for', async () => {
      const ws = newWorkspaceId();
      const other = newWorkspaceId();
      await start(ws, 'late', { once: true }, t0);
      await store.journeys.runs.start(ws, { id: 'early', journeyId: nudge.id, subject: { kind: 'contact', id: 'bob' }, trigger: {}, advance: started('early', t0 - DAY) }, { once: true }, t0 - DAY);
      await start(other, 'elsewhere', { once: true }, t0);
      const claim = (now: number) => store.journeys.runs.claimDue({ now, limit: 10, leaseMs: MINUTE, workspaceIds: [ws] });
      assert.deepEqual(await claim(t0 + DAY - 1), [{ workspaceId: ws, runId: 'early', journeyId: nudge.id, leasedUntil: t0 + DAY - 1 + MINUTE }]);
      assert.deepEqual((await claim(t0 + DAY)).map((c) => c.runId), ['late'], 'the early one is leased');
      assert.deepEqual(await claim(t0 + DAY + 1), []);
      assert.deepEqual((await claim(t0 + DAY - 1 + MINUTE)).map((c) => c.runId), ['early'], 'its lease ran out');
      assert.deepEqual(await store.journeys.runs.claimDue({ now: t0 + DAY, limit: 10, leaseMs: MINUTE, workspaceIds: [] }), []);
    });

    test('an effect outcome is recorded only by the claim that holds it; failures wait for their retry and die last', async () => {
      const ws = newWorkspaceId();
      await start(ws, 'run-1', { once: true });
      const claim = (now: number) => store.journeys.effects.claim({ now, limit: 10, leaseMs: MINUTE, workspaceIds: [ws] });
      const [first] = await claim(t0);
      assert.deepEqual([first?.effect, first?.subject, first?.trigger, first?.attempt], [{ key: 'run-1:1:hello', stepId: 'hello', kind: 'email', template: 'hello' }, contact, { source: 'test' }, 1]);
      assert.deepEqual(await claim(t0), [], 'leased');
      assert.ok(await store.journeys.effects.failed(ws, 'run-1:1:hello', 1, { error: 'timeout', retryAt: t0 + 2 * MINUTE, at: t0 }));
      assert.deepEqual(await claim(t0 + 2 * MINUTE - 1), [], 'not before the retry');
      const [second] = await claim(t0 + 2 * MINUTE);
      assert.equal(second?.attempt, 2);
      assert.equal(await store.journeys.effects.done(ws, 'run-1:1:hello', 1, t0), false, 'the first claim no longer holds it');
      assert.ok(await store.journeys.effects.failed(ws, 'run-1:1:hello', 2, { error: 'gone', retryAt: null, at: t0 + 2 * MINUTE }));
      assert.deepEqual(await claim(t0 + DAY), []);
      const [entry] = await store.journeys.effects.list(ws);
      assert.deepEqual([entry?.status, entry?.attempts, entry?.lastError, entry?.nextAttemptAt], ['dead', 2, 'gone', null]);
    });

    test('a trait set by a journey reads back on the contact and in typed account fields; a missing subject is reported', async () => {
      const ws = newWorkspaceId();
      await store.workspaces.ensure(ws, ws, t0);
      await store.writeMessages(ws, messages([{ type: 'group', userId: 'ann', groupId: 'acme', traits: { name: 'Acme' } }, { type: 'identify', userId: 'ann', traits: { timezone: 'Europe/Oslo' } }]), newId);
      const ann = (await store.contacts.findByUserId(ws, 'ann'))!;
      assert.ok(await store.journeys.setTrait(ws, { kind: 'contact', id: ann.id }, 'onboarded', true, t0));
      assert.ok(await store.journeys.setTrait(ws, { kind: 'account', id: 'acme' }, 'plan', 'pro', t0));
      assert.equal(await store.journeys.setTrait(ws, { kind: 'account', id: 'nobody' }, 'plan', 'pro', t0), false);
      assert.equal((await store.contacts.findById(ws, ann.id))?.traits['onboarded'], true);
      const account = await store.journeys.loadSubject(ws, { kind: 'account', id: 'acme' });
      assert.ok(account?.subject.kind === 'account');
      assert.equal(account.subject.fields.plan, 'pro');
      const person = await store.journeys.loadSubject(ws, { kind: 'contact', id: ann.id });
      assert.deepEqual([person?.subject.traits['onboarded'], person?.zone, person?.subject.events.length], [true, 'Europe/Oslo', 2]);
    });
  });
}
