import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../src/api/app.js';
import type { AccountWithContacts, Task } from '../../src/core/records.js';
import { Ingestion } from '../../src/engine/ingest.js';
import { assignModels } from '../../src/engine/models/assign-models.js';
import { SegmentRefresher } from '../../src/engine/segments/segment-refresher.js';
import type { Store } from '../../src/store/store.js';
import { post } from '../support/app.js';
import { TestClock, testContext, testWorkspace } from '../support/context.js';
import { DATABASES, newWorkspaceId, openTestStore } from '../support/databases.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

for (const database of DATABASES) {
  describe(`escalation and the human work it brings on ${database.name}`, () => {
    let store: Store;
    before(async () => (store = await openTestStore(database)));
    after(async () => store.close());

    async function setUp() {
      const clock = new TestClock(Date.UTC(2026, 2, 2, 12)); // Monday 2 March 2026, noon UTC
      const context = testContext(store, clock);
      const ws = await testWorkspace(context, newWorkspaceId());
      const refresher = new SegmentRefresher(context, { onError: (error) => assert.fail(String(error)) });
      const app = createApp(context, new Ingestion(context, (id) => refresher.written(id)));
      const api = async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
        const response = await app.request(path, { method: init.method ?? 'GET', headers: { ...ws.apiHeaders, 'content-type': 'application/json' }, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
        assert.ok(response.ok, `${init.method ?? 'GET'} ${path}: ${response.status} ${await response.clone().text()}`);
        return (await response.json()) as T;
      };
      const send = async (batch: object[]) => {
        const response = await post(app, '/v1/batch', { batch }, ws.ingestHeaders);
        assert.equal(response.status, 200, await response.text());
      };
      const uses = (userId: string, groupId: string, count: number, at: number) =>
        Array.from({ length: count }, (_, i) => ({ type: 'track', userId, event: 'Feature Used', context: { groupId }, timestamp: new Date(at + i * 60_000).toISOString() }));
      const cara = await api<{ id: string }>('/api/team', { method: 'POST', body: { email: 'cara@example.com', name: 'Cara', role: 'csm', capacity: 5, territories: ['NO'] } });
      return { clock, context, ws, refresher, app, api, send, uses, cara };
    }

    test('a low-touch account whose usage collapses is escalated with an owner and an escalation task, and steps back once healthy', async () => {
      const { clock, context, ws, refresher, api, send, uses, cara } = await setUp();
      await using _ = refresher;
      await send([{ type: 'group', userId: 'ola', groupId: 'acme', traits: { name: 'Acme', mrr: 500, complexity: 'low', country: 'NO' } }]);
      // A busy week before last: 20 uses. Last week: 2.
      await send(uses('ola', 'acme', 20, clock.now() - 10 * DAY));
      await refresher.idle();
      await assignModels(context, ws.workspaceId, 'test');
      assert.equal((await store.accountModels.find(ws.workspaceId, 'acme'))?.modelId, 'low-touch');

      await send(uses('ola', 'acme', 2, clock.now() - DAY));
      await refresher.idle();
      const acme = await api<AccountWithContacts>('/api/accounts/acme');
      assert.deepEqual([acme.model?.modelId, acme.model?.phaseId], ['high-touch', 'dedicated']);
      assert.match(acme.model!.reason, /^escalated by Usage collapsed: the account entered segment usage-collapsed/);
      assert.equal(acme.owner?.memberId, cara.id);
      assert.match(acme.owner!.reason, /Cara: covers territory NO/);
      assert.equal(acme.escalation?.ruleId, 'usage-collapse');
      const call = acme.openTasks.find((t) => t.type === 'escalation')!;
      assert.equal(call.ownerId, cara.id);
      assert.equal(call.dueAt, clock.now() + DAY, 'due within one business day: Tuesday noon');
      assert.ok(acme.openTasks.some((t) => t.templateId === 'escalation-check-in'));
      const economics = await api<{ flagged: { groupId: string }[] }>('/api/models');
      assert.ok(!economics.flagged.some((f) => f.groupId === 'acme'), 'an escalation is not flagged as high touch its revenue does not justify');

      // The CSM calls; the outcome lands on the account's timeline.
      const done = await api<Task>(`/api/tasks/${call.id}`, { method: 'PATCH', body: { status: 'done', outcome: 'Their admin left; training the new one Thursday.' } });
      assert.equal(done.status, 'done');
      const timeline = await api<{ items: { name: string; channel: string; properties: Record<string, unknown> }[] }>('/api/accounts/acme/timeline');
      assert.deepEqual([timeline.items[0]?.name, timeline.items[0]?.channel, timeline.items[0]?.properties['outcome']], ['Task Completed', 'phone', 'Their admin left; training the new one Thursday.']);

      // Usage comes back and stays: a healthy stretch starts, and after 14 days the account steps back.
      for (let day = 1; day <= 15; day++) {
        clock.advance(DAY);
        await send(uses('ola', 'acme', day === 1 ? 15 : 5, clock.now() - HOUR));
        await refresher.tick([ws.workspaceId]);
        if (day === 1) assert.equal((await store.escalations.find(ws.workspaceId, 'acme'))?.healthySince, clock.now());
      }
      const back = await api<AccountWithContacts>('/api/accounts/acme');
      assert.deepEqual([back.model?.modelId, back.escalation, back.owner], ['low-touch', null, null]);
      assert.ok(back.openTasks.every((t) => t.templateId !== 'escalation-check-in'), 'the escalation check-ins stop');
      const history = await api<{ items: { fromModel: string | null; toModel: string; reason: string; changedBy: string }[] }>('/api/accounts/acme/model-history');
      assert.deepEqual(history.items.map((h) => [h.fromModel, h.toModel, h.changedBy]), [['high-touch', 'low-touch', 'escalation usage-collapse'], ['low-touch', 'high-touch', 'escalation usage-collapse'], [null, 'low-touch', 'test']]);
      assert.match(history.items[0]!.reason, /back to low-touch: healthy for 14 days/);
      const owners = await api<{ items: { toMember: string | null }[] }>('/api/accounts/acme/owner-history');
      assert.deepEqual(owners.items.map((o) => o.toMember), [null, cara.id]);
    });

    test('a spike of support tickets escalates at once, and overdue work is visible', async () => {
      const { clock, context, ws, refresher, api, send } = await setUp();
      await using _ = refresher;
      await send([{ type: 'group', userId: 'kim', groupId: 'beta', traits: { name: 'Beta', mrr: 300, country: 'SE' } }]);
      await refresher.idle();
      await assignModels(context, ws.workspaceId, 'test');
      const tickets = Array.from({ length: 4 }, (_, i) => ({ type: 'track', userId: 'kim', event: 'Ticket Created', context: { groupId: 'beta' }, timestamp: new Date(clock.now() - i * HOUR).toISOString() }));
      await send(tickets);
      await refresher.idle();
      const beta = await api<AccountWithContacts>('/api/accounts/beta');
      assert.equal(beta.escalation?.ruleId, 'ticket-spike');
      assert.match(beta.owner!.reason, /no CSM with room covers its territory or segments/);
      clock.advance(2 * DAY);
      const overdue = await api<{ items: Task[] }>('/api/tasks/overdue');
      assert.deepEqual(overdue.items.map((t) => [t.groupId, t.type, t.overdue]), [['beta', 'escalation', true]]);
    });
  });
}
