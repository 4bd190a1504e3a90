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

for (const database of DATABASES) {
  describe(`high-touch onboarding work on ${database.name}`, () => {
    let store: Store;
    before(async () => (store = await openTestStore(database)));
    after(async () => store.close());

    test('entering high touch brings an owner and the onboarding tasks; activation ends the weekly check-ins', async () => {
      const clock = new TestClock(Date.UTC(2026, 2, 2, 12));
      const context = testContext(store, clock);
      const ws = await testWorkspace(context, newWorkspaceId());
      await using refresher = new SegmentRefresher(context, { onError: (error) => assert.fail(String(error)) });
      const app = createApp(context, new Ingestion(context, (id) => refresher.written(id)));
      const api = async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
        const response = await app.request(path, { method: init.method ?? 'GET', headers: { ...ws.apiHeaders, 'content-type': 'application/json' }, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
        assert.ok(response.ok, `${path}: ${response.status} ${await response.clone().text()}`);
        return (await response.json()) as T;
      };
      const send = (batch: object[]) => post(app, '/v1/batch', { batch }, ws.ingestHeaders);
      const dan = await api<{ id: string }>('/api/team', { method: 'POST', body: { email: 'dan@example.com', name: 'Dan', role: 'csm', capacity: 3, territories: ['US'] } });
      await api('/api/team', { method: 'POST', body: { email: 'eve@example.com', name: 'Eve', role: 'csm', capacity: 3 } });

      await send([{ type: 'group', userId: 'ann', groupId: 'bigco', traits: { name: 'BigCo', contractValue: 84_000, complexity: 'high', country: 'US' } }]);
      await refresher.idle();
      await assignModels(context, ws.workspaceId, 'test');
      const onboarding = await api<AccountWithContacts>('/api/accounts/bigco');
      assert.deepEqual([onboarding.model?.modelId, onboarding.model?.phaseId], ['high-touch', 'onboarding']);
      assert.equal(onboarding.owner?.memberId, dan.id);
      assert.deepEqual(onboarding.openTasks.map((t) => t.templateId).sort(), ['first-training', 'intro-call', 'kickoff', 'onboarding-check-in', 'second-training']);
      assert.ok(onboarding.openTasks.every((t) => t.ownerId === dan.id));

      // The first weekly check-in is done; the next is due a week after it was due.
      const checkIn = onboarding.openTasks.find((t) => t.templateId === 'onboarding-check-in')!;
      clock.advance(7 * DAY);
      await api<Task>(`/api/tasks/${checkIn.id}`, { method: 'PATCH', body: { status: 'done', outcome: 'Dashboards set up.' } });
      const second = (await api<{ items: Task[] }>(`/api/tasks?account=bigco&status=open`)).items.find((t) => t.templateId === 'onboarding-check-in')!;
      assert.equal(second.dueAt, checkIn.dueAt + 7 * DAY);

      // Activation: onboarding ends, the weekly check-ins stop, monthly check-ins and reviews begin.
      await send([{ type: 'track', userId: 'ann', event: 'Onboarding Completed', context: { groupId: 'bigco' }, timestamp: new Date(clock.now()).toISOString() }]);
      await refresher.idle();
      const dedicated = await api<AccountWithContacts>('/api/accounts/bigco');
      assert.equal(dedicated.model?.phaseId, 'dedicated');
      assert.equal(dedicated.owner?.memberId, dan.id, 'the owner stays while the account is high touch');
      assert.ok(!dedicated.openTasks.some((t) => t.templateId === 'onboarding-check-in'));
      assert.ok(dedicated.openTasks.some((t) => t.templateId === 'monthly-check-in'));
      assert.ok(dedicated.openTasks.some((t) => t.templateId === 'quarterly-review'));
      const cancelled = (await api<{ items: Task[] }>(`/api/tasks?account=bigco&status=cancelled`)).items;
      assert.deepEqual(cancelled.map((t) => [t.templateId, t.outcome]), [['onboarding-check-in', 'stopped: the account moved to high-touch (dedicated)']]);

      // The scheduler never brings them back.
      clock.advance(14 * DAY);
      await refresher.tick([ws.workspaceId]);
      assert.ok(!(await api<{ items: Task[] }>(`/api/tasks?account=bigco&status=open`)).items.some((t) => t.templateId === 'onboarding-check-in'));
    });
  });
}
