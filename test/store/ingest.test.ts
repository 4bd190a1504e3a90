import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Store } from '../../src/store/store.js';
import { DATABASES, newWorkspaceId, openTestStore } from '../support/databases.js';
import { messages, newId } from '../support/messages.js';

for (const database of DATABASES) {
  describe(`ingestion writes on ${database.name}`, () => {
    let store: Store;
    before(async () => (store = await openTestStore(database)));
    after(async () => store.close());

    const workspace = async () => {
      const id = newWorkspaceId();
      await store.workspaces.ensure(id, id, 0);
      return id;
    };

    test('identify, group and track make a contact in an account with a timeline', async () => {
      const ws = await workspace();
      await store.writeMessages(ws, messages([
        { type: 'identify', userId: 'u1', traits: { email: 'Ann@Acme.com', firstName: 'Ann', lastName: 'Lee', timezone: 'Europe/Oslo' } },
        { type: 'group', userId: 'u1', groupId: 'acme', traits: { name: 'Acme', plan: 'enterprise', arr: 84000, complexity: 'high', industry: 'Retail' } },
        { type: 'track', userId: 'u1', event: 'Ticket Created', context: { groupId: 'acme' }, timestamp: '2026-01-14T10:00:00Z' },
        { type: 'page', userId: 'u1', name: 'Pricing', timestamp: '2026-01-14T09:00:00Z' },
      ]), newId);
      const contact = await store.contacts.findByUserId(ws, 'u1');
      assert.equal(contact?.email, 'ann@acme.com');
      assert.equal(contact?.name, 'Ann Lee');
      assert.deepEqual(contact?.accounts, ['acme']);
      const account = await store.accounts.find(ws, 'acme');
      assert.equal(account?.mrr, 7000);
      assert.equal(account?.complexity, 'high');
      assert.equal(account?.contactCount, 1);
      const timeline = await store.timeline.ofContact(ws, contact!.id, { limit: 10 });
      assert.deepEqual(timeline.items.map((e) => [e.name, e.channel]), [['Ticket Created', 'support_ticket'], ['Pricing', 'web']]);
      const accountTimeline = await store.timeline.ofAccount(ws, 'acme', { limit: 10 });
      assert.equal(accountTimeline.items.length, 2);
    });

    test('a retried messageId is stored once, in one batch or across batches', async () => {
      const ws = await workspace();
      const track = { type: 'track', userId: 'u1', event: 'Signed In', messageId: 'same' };
      const first = await store.writeMessages(ws, messages([track, track]), newId);
      const second = await store.writeMessages(ws, messages([track]), newId);
      assert.deepEqual([first.stored, second.stored, second.duplicates], [1, 0, 1]);
      assert.equal((await store.timeline.totals(ws)).events, 1);
    });

    test('a write says what kind of data it changed: profiles, interactions, event names, revenue', async () => {
      const ws = await workspace();
      const first = await store.writeMessages(ws, messages([{ type: 'identify', userId: 'u1', traits: { email: 'u1@example.com' } }]), newId);
      assert.equal(first.touched.writes?.profiles, true);
      const usage = await store.writeMessages(ws, messages([{ type: 'track', userId: 'u1', event: 'Signed In' }]), newId);
      assert.deepEqual(usage.touched.writes, { profiles: false, interactions: true, eventNames: ['Signed In'], revenue: false });
      const order = await store.writeMessages(ws, messages([{ type: 'track', userId: 'u1', event: 'Order Completed', properties: { revenue: 120 } }]), newId);
      assert.deepEqual(order.touched.writes, { profiles: false, interactions: true, eventNames: ['Order Completed'], revenue: true });
    });

    test('the same messageId in two workspaces is two events', async () => {
      const [a, b] = [await workspace(), await workspace()];
      const track = messages([{ type: 'track', userId: 'u1', event: 'Signed In', messageId: 'shared' }]);
      await store.writeMessages(a, track, newId);
      await store.writeMessages(b, track, newId);
      assert.equal((await store.timeline.totals(a)).events, 1);
      assert.equal((await store.timeline.totals(b)).events, 1);
    });

    test("an anonymous visitor's history joins the contact when they identify", async () => {
      const ws = await workspace();
      await store.writeMessages(ws, messages([{ type: 'page', anonymousId: 'anon-1', name: 'Home' }]), newId);
      await store.writeMessages(ws, messages([{ type: 'identify', userId: 'u9', anonymousId: 'anon-1', traits: { email: 'x@y.z' } }]), newId);
      const contact = await store.contacts.findByUserId(ws, 'u9');
      assert.deepEqual(contact?.anonymousIds, ['anon-1']);
      assert.equal((await store.timeline.ofContact(ws, contact!.id, { limit: 10 })).items.length, 1);
      assert.equal((await store.timeline.totals(ws)).contacts, 1);
    });

    test('alias merges two contacts: events, memberships and traits move to the userId', async () => {
      const ws = await workspace();
      await store.writeMessages(ws, messages([
        { type: 'identify', userId: 'old-id', traits: { plan: 'free', title: 'CTO' } },
        { type: 'group', userId: 'old-id', groupId: 'g1' },
        { type: 'track', userId: 'old-id', event: 'Signed Up' },
        { type: 'identify', userId: 'new-id', traits: { plan: 'pro' } },
        { type: 'track', userId: 'new-id', event: 'Signed In' },
      ]), newId);
      await store.writeMessages(ws, messages([{ type: 'alias', userId: 'new-id', previousId: 'old-id' }]), newId);
      const contact = await store.contacts.findByUserId(ws, 'new-id');
      assert.deepEqual(contact?.userIds, ['new-id', 'old-id']);
      assert.deepEqual(contact?.traits, { plan: 'pro', title: 'CTO' });
      assert.deepEqual(contact?.accounts, ['g1']);
      assert.equal((await store.timeline.ofContact(ws, contact!.id, { limit: 10 })).items.length, 2);
      assert.equal((await store.contacts.findByUserId(ws, 'old-id'))?.id, contact?.id);
      assert.equal((await store.timeline.totals(ws)).contacts, 1);
    });

    test('a merge inside one batch leaves every event with the surviving contact', async () => {
      const ws = await workspace();
      await store.writeMessages(ws, messages([
        { type: 'track', anonymousId: 'a-7', event: 'Product Viewed' },
        { type: 'identify', userId: 'u7' },
        { type: 'track', userId: 'u7', anonymousId: 'a-7', event: 'Signed In' },
      ]), newId);
      const contact = await store.contacts.findByUserId(ws, 'u7');
      assert.equal((await store.timeline.ofContact(ws, contact!.id, { limit: 10 })).items.length, 2);
      assert.equal((await store.timeline.totals(ws)).contacts, 1);
    });

    test('later traits update fields and null removes a trait', async () => {
      const ws = await workspace();
      await store.writeMessages(ws, messages([{ type: 'group', userId: 'u', groupId: 'g', traits: { name: 'Old', plan: 'starter', mrr: 100 } }]), newId);
      await store.writeMessages(ws, messages([{ type: 'group', userId: 'u', groupId: 'g', traits: { name: 'New', plan: null } }]), newId);
      const account = await store.accounts.find(ws, 'g');
      assert.deepEqual([account?.name, account?.plan, account?.mrr], ['New', null, 100]);
    });

    test('odd numbers in traits never fail a write on any database', async () => {
      const ws = await workspace();
      await store.writeMessages(ws, messages([
        { type: 'group', userId: 'u', groupId: 'odd', traits: { employees: 12.6, renewalDate: 1e20, mrr: '1e400', arr: -5 } },
        { type: 'group', userId: 'u', groupId: 'huge', traits: { employees: 1e12, renewalDate: 1767225600000.5 } },
      ]), newId);
      const odd = await store.accounts.find(ws, 'odd');
      assert.deepEqual([odd?.employees, odd?.renewalDate, odd?.mrr], [13, null, -5 / 12]);
      const huge = await store.accounts.find(ws, 'huge');
      assert.deepEqual([huge?.employees, huge?.renewalDate], [null, 1767225600001]);
    });

    test('an account-only group message (an import row) creates no contact', async () => {
      const ws = await workspace();
      const [message] = messages([{ type: 'group', userId: 'placeholder', groupId: 'solo', traits: { name: 'Solo' } }]);
      await store.writeMessages(ws, [{ ...message!, userId: null }], newId);
      assert.equal((await store.accounts.find(ws, 'solo'))?.name, 'Solo');
      assert.equal((await store.timeline.totals(ws)).contacts, 0);
    });

    test('the timeline pages newest first with a cursor and filters by channel', async () => {
      const ws = await workspace();
      const raw = Array.from({ length: 7 }, (_, i) => ({ type: 'track', userId: 'u', event: i % 2 ? 'Email Opened' : 'Feature Used', timestamp: new Date(Date.UTC(2026, 0, 1 + i)).toISOString() }));
      await store.writeMessages(ws, messages(raw), newId);
      const contact = await store.contacts.findByUserId(ws, 'u');
      const first = await store.timeline.ofContact(ws, contact!.id, { limit: 3 });
      const second = await store.timeline.ofContact(ws, contact!.id, { limit: 3, cursor: first.nextCursor! });
      const third = await store.timeline.ofContact(ws, contact!.id, { limit: 3, cursor: second.nextCursor! });
      const days = [...first.items, ...second.items, ...third.items].map((e) => new Date(e.timestamp).getUTCDate());
      assert.deepEqual(days, [7, 6, 5, 4, 3, 2, 1]);
      assert.equal(third.nextCursor, null);
      const emails = await store.timeline.ofContact(ws, contact!.id, { limit: 10, channel: 'email' });
      assert.equal(emails.items.length, 3);
    });

    test('the daily activity rollup agrees with the events, retries counted once', async () => {
      const ws = await workspace();
      const raw = [
        { type: 'identify', userId: 'r', traits: { name: 'R' } },
        { type: 'track', userId: 'r', event: 'Order Completed', properties: { revenue: 120 }, timestamp: '2026-01-03T23:59:59Z', messageId: 'o1' },
        { type: 'track', userId: 'r', event: 'Order Completed', properties: { revenue: 30 }, timestamp: '2026-01-03T00:00:00Z' },
        { type: 'track', userId: 'r', event: 'Email Opened', timestamp: '2026-01-04T08:00:00Z' },
        { type: 'page', userId: 'r', name: 'Home', timestamp: '2026-01-04T09:00:00Z' },
      ];
      await store.writeMessages(ws, messages(raw), newId);
      await store.writeMessages(ws, messages([raw[1]!]), newId);
      const activity = await store.timeline.dailyActivity(ws, Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 10));
      assert.deepEqual(activity, [
        { day: Date.UTC(2026, 0, 3), channel: 'web', count: 2 },
        { day: Date.UTC(2026, 0, 4), channel: 'email', count: 1 },
        { day: Date.UTC(2026, 0, 4), channel: 'web', count: 1 },
      ]);
      const totals = await store.timeline.totals(ws);
      assert.deepEqual([totals.events, totals.revenue, totals.contacts], [5, 150, 1]);
      const direct = await store.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', ws).executeTakeFirstOrThrow();
      assert.equal(Number(direct.n), totals.events);
    });

    test('accounts list filters, searches, sorts and pages', async () => {
      const ws = await workspace();
      await store.writeMessages(ws, messages(Array.from({ length: 12 }, (_, i) => ({
        type: 'group', userId: `u${i}`, groupId: `g${i}`, traits: { name: `Company ${String.fromCharCode(65 + i)}`, plan: i % 3 === 0 ? 'enterprise' : 'starter', mrr: (i + 1) * 100 },
      }))), newId);
      const enterprise = await store.accounts.list(ws, { plan: 'enterprise', limit: 10, offset: 0 });
      assert.equal(enterprise.total, 4);
      const page = await store.accounts.list(ws, { sort: 'mrr', limit: 5, offset: 5 });
      assert.deepEqual(page.items.map((a) => a.mrr), [700, 600, 500, 400, 300]);
      assert.equal(page.total, 12);
      const search = await store.accounts.list(ws, { q: 'company c', limit: 10, offset: 0 });
      assert.deepEqual(search.items.map((a) => a.groupId), ['g2']);
      assert.deepEqual((await store.accounts.facets(ws)).plans, ['enterprise', 'starter']);
    });

    test('an identify call without locale or time zone traits takes them from its context', async () => {
      const ws = newWorkspaceId();
      await store.writeMessages(ws, messages([
        { type: 'identify', userId: 'ann', traits: { email: 'ann@example.com' }, context: { locale: 'nb-NO', timezone: 'Europe/Oslo' } },
        { type: 'identify', userId: 'bob', traits: { locale: 'cs' }, context: { locale: 'en-US' } },
      ]), newId);
      const ann = await store.contacts.findByUserId(ws, 'ann');
      assert.deepEqual([ann?.locale, ann?.timezone], ['nb-NO', 'Europe/Oslo']);
      assert.equal((await store.contacts.findByUserId(ws, 'bob'))?.locale, 'cs', 'a trait wins over the context');
    });
  });
}
