import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { generateDemo, type RawMessage } from '../src/core/demo/generate-demo.js';
import { classifyInteraction } from '../src/core/interactions.js';
import { parseSegmentMessage, type SegmentMessage } from '../src/core/segment-messages.js';
import type { EngineContext } from '../src/engine/context.js';
import { SHIPPED_PLAYBOOKS } from '../src/core/journeys/shipped-playbooks.js';
import { DEMO_LOGIN, loadDemo, loadDemoIfEmpty } from '../src/engine/demo/load-demo.js';
import { logIn } from '../src/engine/users.js';
import type { Store } from '../src/store/store.js';
import { TestClock, testContext } from './support/context.js';
import { DATABASES, newWorkspaceId, openTestStore } from './support/databases.js';

const END = Date.UTC(2026, 0, 15, 12);
const demo = (seed: number, scale: number, end = END) => [...generateDemo({ seed, scale, end })];

function parsed(raw: RawMessage[]): SegmentMessage[] {
  return raw.map((m, i) => {
    const result = parseSegmentMessage(m, { receivedAt: END, newMessageId: randomUUID });
    if (!result.ok) throw new Error(`message ${i} invalid: ${JSON.stringify(result.issues)} in ${JSON.stringify(m)}`);
    return result.message;
  });
}

describe('the demo generator', () => {
  const scale1 = parsed(demo(1, 1));

  test('gives byte-identical messages for the same seed and end, and different ones for another seed', () => {
    const a = demo(7, 0.2).map((m) => JSON.stringify(m)).join('\n');
    const b = demo(7, 0.2).map((m) => JSON.stringify(m)).join('\n');
    const c = demo(8, 0.2).map((m) => JSON.stringify(m)).join('\n');
    assert.equal(a, b);
    assert.notEqual(a, c);
  });

  test('makes every message valid by the Segment rules, with a unique messageId and ISO timestamps', () => {
    const raw = demo(1, 1);
    assert.equal(scale1.length, raw.length);
    assert.equal(new Set(scale1.map((m) => m.messageId)).size, scale1.length);
    assert.ok(raw.every((m) => typeof m['timestamp'] === 'string' && (m['timestamp'] as string).endsWith('Z')));
  });

  test('at scale 1 has a few hundred accounts, about 1,500 contacts and tens of thousands of events in the year before end', () => {
    const accounts = new Set(scale1.flatMap((m) => (m.groupId ? [m.groupId] : [])));
    const contacts = new Set(scale1.flatMap((m) => (m.userId ? [m.userId] : [])));
    assert.ok(accounts.size >= 150 && accounts.size <= 300, `${accounts.size} accounts`);
    assert.ok(contacts.size >= 1000 && contacts.size <= 2000, `${contacts.size} contacts`);
    assert.ok(scale1.length >= 50_000 && scale1.length <= 120_000, `${scale1.length} events`);
    assert.ok(scale1.every((m) => m.timestamp <= END && m.timestamp > END - 400 * 86_400_000));
  });

  test('scales the number of accounts', () => {
    const accounts = (messages: RawMessage[]) => new Set(messages.map((m) => (m['context'] as { groupId?: string })['groupId']).filter(Boolean)).size;
    assert.equal(accounts(demo(1, 0.1)), 20);
    assert.equal(accounts(demo(1, 0.5)), 100);
  });

  test('has heavy-tailed revenue: many small plans, a few contracts of tens or hundreds of thousands', () => {
    const latest = new Map<string, Record<string, unknown>>();
    for (const m of scale1) if (m.type === 'group') latest.set(m.groupId!, { ...latest.get(m.groupId!), ...m.traits });
    const plans = [...latest.values()].filter((t) => t['status'] === 'active');
    const count = (plan: string) => plans.filter((t) => t['plan'] === plan).length;
    assert.ok(count('starter') > count('growth') && count('growth') > count('enterprise') && count('enterprise') > 5);
    const contracts = plans.map((t) => Number(t['contractValue']));
    assert.ok(Math.min(...contracts) < 1000 && Math.max(...contracts) > 100_000);
    assert.ok(plans.filter((t) => t['plan'] === 'enterprise').every((t) => typeof t['owner'] === 'string' && t['complexity'] !== 'low'));
  });

  test('covers every channel, NPS scores from 0 to 10, CSAT from 1 to 5, star ratings, acquisition answers and referrals', () => {
    const channels = new Set(scale1.map((m) => classifyInteraction(m)?.channel).filter(Boolean));
    assert.deepEqual([...channels].sort(), ['chat', 'email', 'in_app', 'in_person', 'phone', 'review', 'social', 'support_ticket', 'web']);
    const scores = (survey: string) => scale1.filter((m) => m.event === 'Survey Responded' && m.properties['survey'] === survey).map((m) => m.properties['score'] as number);
    assert.ok(scores('NPS').every((s) => Number.isInteger(s) && s >= 0 && s <= 10) && Math.min(...scores('NPS')) <= 4 && Math.max(...scores('NPS')) === 10);
    assert.ok(scores('CSAT').every((s) => Number.isInteger(s) && s >= 1 && s <= 5) && Math.min(...scores('CSAT')) <= 2 && Math.max(...scores('CSAT')) === 5);
    const answers = new Set(scale1.filter((m) => m.properties['survey'] === 'attribution').map((m) => m.properties['answer']));
    assert.ok(answers.size >= 4, `${answers.size} acquisition answers`);
    assert.ok(scale1.some((m) => m.event === 'Referral Sent') && scale1.some((m) => m.event === 'Referral Accepted'));
    const ratings = scale1.filter((m) => m.event === 'Review Submitted').map((m) => m.properties['rating'] as number);
    assert.ok(ratings.length > 0 && ratings.every((r) => r >= 1 && r <= 5));
  });

  test('links anonymous website visits to the person who signs up', () => {
    const signUp = scale1.find((m) => m.type === 'identify' && m.anonymousId !== null && m.userId !== null)!;
    const visits = scale1.filter((m) => m.type === 'page' && m.anonymousId === signUp.anonymousId && m.userId === null);
    assert.ok(visits.length >= 2);
    assert.ok(visits.every((v) => v.timestamp < signUp.timestamp && v.groupId === null));
  });

  test("never has a person act before their first identify call", () => {
    const identified = new Set<string>();
    const early = scale1.filter((m) => {
      if (m.type === 'identify') identified.add(m.userId!);
      return m.userId !== null && !identified.has(m.userId);
    });
    assert.deepEqual(early.map((m) => `${m.type} ${m.event}`), []);
  });

  test('stops all activity of an account after it is deleted', () => {
    const deletedAt = new Map(scale1.filter((m) => m.event === 'Account Deleted').map((m) => [m.groupId!, m.timestamp]));
    assert.ok(deletedAt.size > 0);
    assert.ok(scale1.every((m) => !m.groupId || !deletedAt.has(m.groupId) || m.timestamp <= deletedAt.get(m.groupId)!));
  });
});

for (const database of DATABASES) {
  describe(`the demo on ${database.name}`, () => {
    let store: Store;
    let context: EngineContext;
    before(async () => {
      store = await openTestStore(database);
      context = testContext(store, new TestClock(END));
    });
    after(async () => store.close());

    test('loads accounts of widely different MRR, their contacts and events on many channels; loading again stores nothing twice', async () => {
      const ws = newWorkspaceId();
      const summary = await loadDemo(context, ws, { seed: 3, scale: 0.15 });
      assert.equal(summary.accounts, 30);
      assert.equal(summary.stored, summary.events);
      const totals = await store.timeline.totals(ws);
      assert.deepEqual([totals.accounts, totals.contacts, totals.events], [summary.accounts, summary.contacts, summary.events]);
      assert.ok(totals.revenue > 0);
      const { items } = await store.accounts.list(ws, { limit: 100, offset: 0, sort: 'mrr' });
      const mrr = items.map((a) => a.mrr ?? 0).filter((m) => m > 0);
      assert.ok(Math.max(...mrr) / Math.min(...mrr) > 20, `MRR from ${Math.min(...mrr)} to ${Math.max(...mrr)}`);
      assert.ok(items.every((a) => a.name && a.industry && a.employees && a.contactCount > 0));
      const days = await store.timeline.dailyActivity(ws, END - 400 * 86_400_000, END + 1);
      assert.ok(new Set(days.map((d) => d.channel)).size >= 7);
      const again = await loadDemo(context, ws, { seed: 3, scale: 0.15 });
      assert.equal(again.stored, 0);
    });

    test('loads into an empty workspace with a demo login, and leaves a workspace with accounts alone', async () => {
      const ws = newWorkspaceId();
      await store.workspaces.ensure(ws, ws, END);
      const lines: string[] = [];
      await loadDemoIfEmpty(context, ws, { log: (line) => lines.push(line), scale: 0.05 });
      assert.ok(lines.some((l) => l.includes(`${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`)));
      const session = await logIn(context, DEMO_LOGIN.email, DEMO_LOGIN.password);
      assert.equal(session.user.role, 'admin');
      // Every account has a model with a reason a person can read, and the team is there to serve them.
      const models = await store.accountModels.list(ws);
      assert.equal(models.length, (await store.timeline.totals(ws)).accounts);
      assert.ok(models.every((m) => /^([a-z-]+ (because |by default:)|escalated by |back to )/.test(m.reason)), JSON.stringify(models.map((m) => m.reason)));
      assert.ok((await store.team.findByEmail(ws, DEMO_LOGIN.email))?.role === 'csm');
      const before = await store.timeline.totals(ws);
      const second: string[] = [];
      await loadDemoIfEmpty(context, ws, { log: (line) => second.push(line), scale: 0.05 });
      assert.deepEqual(second, []);
      assert.deepEqual(await store.timeline.totals(ws), before);
    });

    test('lives its last weeks with the shipped playbooks active: runs at their steps, and messages and tasks on the timelines', async () => {
      const ws = newWorkspaceId();
      await store.workspaces.ensure(ws, ws, END);
      await loadDemoIfEmpty(context, ws, { log: () => {}, scale: 0.2 });
      const statuses = await store.journeys.status.list(ws);
      assert.deepEqual(statuses.map((s) => [s.journeyId, s.status]), SHIPPED_PLAYBOOKS.map((j) => [j.id, 'active']).sort());
      const stats = new Map(await Promise.all(SHIPPED_PLAYBOOKS.map(async (j) => [j.id, await store.journeys.stats(ws, j.id)] as const)));
      const running = [...stats].filter(([, s]) => s.entered > 0).map(([id]) => id);
      assert.ok(running.length >= 4, `journeys with runs: ${running.join(', ')}`);
      for (const id of running) {
        const steps = stats.get(id)!.steps;
        assert.ok(steps.length > 0 && steps.every((s) => s.entered > 0), id);
      }
      assert.ok([...stats.values()].some((s) => s.waiting > 0), 'some runs are still under way when the demo opens');
      assert.deepEqual(await store.journeys.effects.list(ws, { status: 'dead' }), [], 'nothing the playbooks did failed');

      const sent = await store.delivery.messages(ws, { limit: 1000 });
      assert.ok(sent.filter((m) => m.status === 'sent').length > 0);
      const someone = sent.find((m) => m.channel === 'email' && m.status === 'sent')!;
      const timeline = await store.timeline.ofContact(ws, someone.contactId, { limit: 500 });
      assert.ok(timeline.items.some((e) => e.name === 'Email Sent'), 'the message is on the contact’s timeline');
    });
  });
}
