import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { journeysAfterMembershipChanges, journeysAfterModelMove } from '../../../src/engine/journeys/journey-triggers.js';
import { feedJourneys } from '../../../src/engine/journeys/triggers/event-feed.js';
import { scheduleDateTriggers } from '../../../src/engine/journeys/triggers/date-triggers.js';
import { triggerJourney } from '../../../src/engine/journeys/triggers/trigger-journey.js';
import type { Store } from '../../../src/store/store.js';
import { TestClock, testContext } from '../../support/context.js';
import { DATABASES, newWorkspaceId, openTestStore } from '../../support/databases.js';
import { DAY, HOUR, journey } from './journey-fixtures.js';
import { contactId, feedUntilCaughtUp, ingest, segment, workspaceWith } from './journey-trigger-fixtures.js';

const MINUTE = 60_000;

const onboarding = journey({
  id: 'onboarding',
  name: 'Onboarding',
  trigger: { event: { name: 'Signed Up', where: [{ property: 'plan', op: 'eq', value: 'trial' }] } },
  entry: { againAfter: { days: 30 } },
  goal: { event: { name: 'Onboarding Completed' } },
  steps: [
    { id: 'welcome', email: { template: 'welcome' } },
    { id: 'wait-report', wait: { event: { name: 'Report Created' }, timeout: { days: 3 }, onTimeout: 'nudge' } },
    { id: 'tips', email: { template: 'tips' }, next: 'end' },
    { id: 'nudge', email: { template: 'nudge' } },
    { id: 'end', exit: {} },
  ],
});

for (const database of DATABASES) {
  describe(`journey triggers on ${database.name}`, () => {
    let store: Store;
    before(async () => (store = await openTestStore(database)));
    after(async () => store.close());

    async function setUp(...args: Parameters<typeof workspaceWith> extends [unknown, unknown, ...infer R] ? R : never) {
      const clock = new TestClock(Date.UTC(2026, 2, 2, 12));
      const context = testContext(store, clock);
      const ws = newWorkspaceId();
      await workspaceWith(context, ws, ...args);
      return { clock, context, ws, feed: () => feedUntilCaughtUp(context, { workspaceIds: [ws] }) };
    }
    const emails = async (ws: string) => (await store.journeys.effects.list(ws)).filter((e) => e.kind === 'email').map((e) => e.stepId);

    test('a matching event starts a run whose e-mail is in the ledger once, however often the feed runs', async () => {
      const { context, ws, feed } = await setUp([onboarding]);
      await feed();
      await ingest(context, ws, [
        { type: 'track', userId: 'ann', event: 'Signed Up', properties: { plan: 'trial' } },
        { type: 'track', userId: 'bob', event: 'Signed Up', properties: { plan: 'paid' } },
      ]);
      assert.equal((await feed()).started, 1);
      await feed();
      await feedJourneys(context, { workspaceIds: [ws] });
      assert.deepEqual(await emails(ws), ['welcome']);
      const [run] = await store.journeys.runs.activeOf(ws, { kind: 'contact', id: await contactId(context, ws, 'ann') });
      assert.deepEqual([run?.journeyId, (run?.trigger['event'] as { name: string }).name], ['onboarding', 'Signed Up']);
    });

    test('events from before the first journey was stored start nothing', async () => {
      const clock = new TestClock(Date.UTC(2026, 2, 2, 12));
      const context = testContext(store, clock);
      const ws = newWorkspaceId();
      await store.workspaces.ensure(ws, ws, clock.now());
      await ingest(context, ws, [{ type: 'track', userId: 'ann', event: 'Signed Up', properties: { plan: 'trial' } }]);
      await workspaceWith(context, ws, [onboarding]);
      assert.deepEqual(await feedUntilCaughtUp(context, { workspaceIds: [ws] }), { events: 0, started: 0, advanced: 0, caughtUp: true, awaitingWriters: false });
      assert.deepEqual(await emails(ws), []);
    });

    test('events stored after the journey and before the feed first ran are delivered', async () => {
      const { context, ws, feed } = await setUp([onboarding]);
      await ingest(context, ws, [{ type: 'track', userId: 'ann', event: 'Signed Up', properties: { plan: 'trial' } }]);
      assert.deepEqual(await feed(), { events: 1, started: 1, advanced: 0, caughtUp: true, awaitingWriters: false });
      assert.deepEqual(await emails(ws), ['welcome']);
    });

    test('a batch delivered again after a feeder died before moving its cursor starts and moves nothing twice', async () => {
      const { clock, context, ws, feed } = await setUp([onboarding]);
      await feed();
      const before = (await store.journeys.triggers.feed.position(ws))!;
      await ingest(context, ws, [{ type: 'track', userId: 'ann', event: 'Signed Up', properties: { plan: 'trial' } }]);
      await feed();
      // The runs were advanced, the cursor was not moved: the batch is read again.
      const claim = await store.journeys.triggers.feed.claim(ws, clock.now(), MINUTE);
      assert.ok(claim);
      assert.equal(await store.journeys.triggers.feed.release(claim, before, null, clock.now()), true);
      assert.deepEqual(await feed(), { events: 1, started: 0, advanced: 0, caughtUp: true, awaitingWriters: false });
      assert.deepEqual(await emails(ws), ['welcome']);
      assert.equal((await store.journeys.stats(ws, onboarding.id)).entered, 1);
    });

    test('a run waiting for an event continues when it comes, and not on an event it does not wait for', async () => {
      const { context, ws, feed } = await setUp([onboarding]);
      await feed();
      await ingest(context, ws, [{ type: 'track', userId: 'ann', event: 'Signed Up', properties: { plan: 'trial' } }]);
      await feed();
      await ingest(context, ws, [{ type: 'track', userId: 'ann', event: 'Page Viewed' }]);
      assert.equal((await feed()).advanced, 0);
      await ingest(context, ws, [{ type: 'track', userId: 'ann', event: 'Report Created' }]);
      assert.equal((await feed()).advanced, 1);
      assert.deepEqual(await emails(ws), ['welcome', 'tips']);
      assert.equal((await store.journeys.stats(ws, onboarding.id)).exited, 1, 'the run reached its exit step');
    });

    test('the goal event converts the run, even when the same batch started it', async () => {
      const { context, ws, feed } = await setUp([onboarding]);
      await feed();
      await ingest(context, ws, [
        { type: 'track', userId: 'ann', event: 'Signed Up', properties: { plan: 'trial' } },
        { type: 'track', userId: 'ann', event: 'Onboarding Completed' },
      ]);
      assert.deepEqual(await feed(), { events: 2, started: 1, advanced: 1, caughtUp: true, awaitingWriters: false });
      const stats = await store.journeys.stats(ws, onboarding.id);
      assert.deepEqual([stats.entered, stats.converted], [1, 1]);
    });

    test('a small batch size reads the events in several passes, in order', async () => {
      const { context, ws } = await setUp([onboarding]);
      await feedUntilCaughtUp(context, { workspaceIds: [ws] });
      await ingest(context, ws, [
        { type: 'track', userId: 'ann', event: 'Signed Up', properties: { plan: 'trial' } },
        { type: 'identify', userId: 'ann', traits: { name: 'Ann' } },
        { type: 'track', userId: 'ann', event: 'Page Viewed' },
        { type: 'track', userId: 'ann', event: 'Report Created' },
      ]);
      const pass = await feedUntilCaughtUp(context, { workspaceIds: [ws], batchSize: 1 });
      assert.deepEqual([pass.events, pass.started, pass.advanced], [2, 1, 1], 'Page Viewed, which no journey listens for, is not read');
      assert.deepEqual(await emails(ws), ['welcome', 'tips']);
    });

    test('events no journey listens for are passed over, and a batch sees the runs its earlier events started and moved', async () => {
      const { context, ws, feed } = await setUp([onboarding]);
      await feed();
      const noise = (userId: string) => Array.from({ length: 30 }, (_, i) => ({ type: 'track' as const, userId, event: 'Page Viewed', properties: { i } }));
      await ingest(context, ws, [
        ...noise('ann'),
        { type: 'track', userId: 'ann', event: 'Signed Up', properties: { plan: 'trial' } },
        { type: 'track', userId: 'bob', event: 'Signed Up', properties: { plan: 'trial' } },
        ...noise('bob'),
        { type: 'track', userId: 'ann', event: 'Report Created' },
        { type: 'track', userId: 'ann', event: 'Onboarding Completed' },
        { type: 'track', userId: 'bob', event: 'Onboarding Completed' },
        ...noise('ann'),
      ]);
      assert.deepEqual(await feedJourneys(context, { workspaceIds: [ws] }), { events: 5, started: 2, advanced: 2, caughtUp: true, awaitingWriters: false });
      assert.deepEqual((await emails(ws)).sort(), ['tips', 'welcome', 'welcome']);
      const stats = await store.journeys.stats(ws, onboarding.id);
      assert.deepEqual([stats.entered, stats.exited, stats.converted], [2, 1, 1], 'ann reached the exit step before her goal; bob converted');
    });

    test('entering a segment starts a run, and leaving the exit segment exits it', async () => {
      const trials = segment({ id: 'trials', name: 'Trials', subject: 'contact', condition: { trait: { name: 'plan', op: 'eq', value: 'trial' } } });
      const engaged = segment({ id: 'engaged', name: 'Engaged', subject: 'contact', condition: { trait: { name: 'engaged', op: 'eq', value: true } } });
      const nurture = journey({
        id: 'nurture', name: 'Nurture', trigger: { segment: { id: 'trials', change: 'entered' } }, exitWhenLeaving: 'engaged',
        steps: [{ id: 'hello', email: { template: 'hello' } }, { id: 'pause', wait: { for: { days: 7 } } }, { id: 'again', email: { template: 'again' } }],
      });
      const { clock, context, ws } = await setUp([nurture], [trials, engaged]);
      await ingest(context, ws, [{ type: 'identify', userId: 'ann', traits: { plan: 'trial', engaged: true } }]);
      const ann = await contactId(context, ws, 'ann');
      await journeysAfterMembershipChanges(context, ws, await store.segmentMemberships.replace(ws, 'engaged', [ann], clock.now()));
      await journeysAfterMembershipChanges(context, ws, await store.segmentMemberships.replace(ws, 'trials', [ann], clock.now()));
      assert.deepEqual(await emails(ws), ['hello']);
      clock.advance(DAY);
      await journeysAfterMembershipChanges(context, ws, await store.segmentMemberships.replace(ws, 'engaged', [], clock.now()));
      const run = await store.journeys.runs.find(ws, (await store.journeys.effects.list(ws))[0]!.runId);
      assert.deepEqual([run?.state.status, run?.state.endReason], ['exited', 'left segment engaged']);
    });

    test('a segment of accounts does not start a journey for contacts', async () => {
      const big = segment({ id: 'big', name: 'Big', subject: 'account', condition: { trait: { name: 'plan', op: 'eq', value: 'enterprise' } } });
      const hello = journey({ id: 'hello', name: 'Hello', trigger: { segment: { id: 'big', change: 'entered' } }, steps: [{ id: 'hello', email: { template: 'hello' } }] });
      const { clock, context, ws } = await setUp([hello], [big]);
      await ingest(context, ws, [{ type: 'group', userId: 'ann', groupId: 'acme', traits: { plan: 'enterprise' } }]);
      await journeysAfterMembershipChanges(context, ws, await store.segmentMemberships.replace(ws, 'big', ['acme'], clock.now()));
      assert.deepEqual(await emails(ws), []);
    });

    test('a model move starts an account journey when the account arrives, not on a move within', async () => {
      const kickoff = journey({
        id: 'kickoff', name: 'Kickoff', subject: 'account', trigger: { model: { to: 'onboarding' } }, entry: { againAfter: { days: 1 } },
        steps: [{ id: 'call', webhook: { url: 'https://example.com/kickoff' } }],
      });
      const welcome = journey({ id: 'welcome', name: 'Welcome', trigger: { model: { to: 'onboarding', phase: 'setup' } }, steps: [{ id: 'mail', email: { template: 'welcome' } }] });
      const { clock, context, ws } = await setUp([kickoff, welcome]);
      await ingest(context, ws, [
        { type: 'group', userId: 'ann', groupId: 'acme', traits: { name: 'Acme' } },
        { type: 'group', userId: 'bob', groupId: 'acme', traits: { name: 'Acme' } },
      ]);
      await journeysAfterModelMove(context, ws, { groupId: 'acme', fromModel: 'trial', fromPhase: 'active', toModel: 'onboarding', toPhase: 'setup', at: clock.now() });
      clock.advance(2 * DAY);
      await journeysAfterModelMove(context, ws, { groupId: 'acme', fromModel: 'onboarding', fromPhase: 'setup', toModel: 'onboarding', toPhase: 'adoption', at: clock.now() });
      const effects = await store.journeys.effects.list(ws);
      assert.deepEqual(effects.map((e) => e.kind).sort(), ['email', 'email', 'webhook'], 'the account once, and each of its two contacts');
      const run = await store.journeys.runs.find(ws, effects.find((e) => e.kind === 'webhook')!.runId);
      assert.deepEqual(run?.trigger['model'], { groupId: 'acme', fromModel: 'trial', fromPhase: 'active', toModel: 'onboarding', toPhase: 'setup', at: Date.UTC(2026, 2, 2, 12) });
    });

    test('a renewal date trigger fires on its day at its time, once, in the subject’s time zone', async () => {
      const renewal = journey({
        id: 'renewal', name: 'Renewal', subject: 'account', trigger: { date: { trait: 'renewalDate', offsetDays: -90, at: '09:00' } }, entry: { againAfter: { days: 1 } },
        steps: [{ id: 'call', task: { type: 'check-in', title: 'Renewal in 90 days', dueInDays: 7 } }],
      });
      const trialEnd = journey({ id: 'trial-end', name: 'Trial ends', trigger: { date: { trait: 'trialEnds', offsetDays: 0, at: '09:00' } }, steps: [{ id: 'mail', email: { template: 'trial-ends' } }] });
      const { clock, context, ws } = await setUp([renewal, trialEnd]);
      await ingest(context, ws, [
        { type: 'group', userId: 'ann', groupId: 'acme', traits: { name: 'Acme', renewalDate: '2026-06-01' } },
        { type: 'group', userId: 'bob', groupId: 'globex', traits: { name: 'Globex', renewalDate: '2026-07-01' } },
        { type: 'identify', userId: 'ann', traits: { timezone: 'America/New_York', trialEnds: '2026-03-03T00:00:00Z' } },
      ]);
      const at = async (iso: string) => {
        clock.set(Date.parse(iso));
        return scheduleDateTriggers(context, { workspaceIds: [ws] });
      };
      assert.equal(await at('2026-03-02T12:00:00Z'), 0);
      assert.equal(await at('2026-03-03T08:59:00Z'), 0, 'not before 09:00');
      assert.equal(await at('2026-03-03T09:00:00Z'), 1, 'ninety days before June 1st, 09:00 UTC for an account');
      assert.equal(await at('2026-03-03T13:59:00Z'), 0, 'the contact’s 09:00 is 14:00 UTC in New York');
      assert.equal(await at('2026-03-03T14:00:00Z'), 1);
      assert.equal(await at('2026-03-03T20:00:00Z'), 0, 'the same day again starts nothing');
      assert.equal(await at('2026-03-04T10:00:00Z'), 0, 'the next day starts nothing, though the cool-down allows it');
      const runOf = async (kind: string) => store.journeys.runs.find(ws, (await store.journeys.effects.list(ws)).find((e) => e.kind === kind)!.runId);
      assert.deepEqual((await runOf('task'))?.trigger, { date: { trait: 'renewalDate', date: '2026-06-01', firesOn: '2026-03-03' } });
      // Renewed: next year's date enters again.
      await ingest(context, ws, [{ type: 'group', userId: 'ann', groupId: 'acme', traits: { renewalDate: '2027-06-01' } }]);
      assert.equal(await at('2027-03-03T09:00:00Z'), 1);
      assert.equal((await store.journeys.stats(ws, renewal.id)).entered, 2);
    });

    test('the API starts a journey with an API trigger, and refuses others', async () => {
      const manual = journey({ id: 'manual', name: 'Manual', trigger: { api: {} }, steps: [{ id: 'mail', email: { template: 'hi' } }] });
      const { context, ws } = await setUp([manual, onboarding]);
      await ingest(context, ws, [{ type: 'identify', userId: 'ann', traits: {} }]);
      const ann = { kind: 'contact' as const, id: await contactId(context, ws, 'ann') };
      const result = await triggerJourney(context, ws, 'manual', ann, { coupon: 'SPRING' });
      assert.ok(result.started);
      assert.deepEqual(result.run.trigger, { api: { coupon: 'SPRING' } });
      assert.deepEqual(await triggerJourney(context, ws, 'manual', ann), { started: false, reason: 'entered-before' });
      await assert.rejects(triggerJourney(context, ws, 'onboarding', ann), /started by its event trigger/);
      await assert.rejects(triggerJourney(context, ws, 'missing', ann), /journey missing not found/);
      await assert.rejects(triggerJourney(context, ws, 'manual', { kind: 'contact', id: 'nobody' }), /contact nobody not found/);
    });

    test('a cursor held by a live lease is skipped, and taken over once the lease ran out', async () => {
      const { clock, context, ws } = await setUp([onboarding]);
      await feedUntilCaughtUp(context, { workspaceIds: [ws] });
      await store.journeys.triggers.feed.claim(ws, clock.now(), MINUTE);
      await ingest(context, ws, [{ type: 'track', userId: 'ann', event: 'Signed Up', properties: { plan: 'trial' } }]);
      assert.deepEqual(await feedJourneys(context, { workspaceIds: [ws] }), { events: 0, started: 0, advanced: 0, caughtUp: false, awaitingWriters: false });
      clock.advance(MINUTE);
      assert.equal((await feedUntilCaughtUp(context, { workspaceIds: [ws] })).started, 1);
      clock.advance(HOUR);
    });
  });
}
