import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AccountWithContacts, Task } from '../../src/core/records.js';
import { openTestApp, post, type TestApp } from '../support/app.js';
import { testWorkspace } from '../support/context.js';
import { DATABASES, newWorkspaceId } from '../support/databases.js';

for (const database of DATABASES) {
  describe(`team and tasks API on ${database.name}`, () => {
    let t: TestApp;
    before(async () => (t = await openTestApp(database)));
    after(async () => t.close());

    const client = async () => {
      const ws = await testWorkspace(t.context, newWorkspaceId());
      const call = (method: string, path: string, body?: unknown) =>
        t.app.request(path, { method, headers: { ...ws.apiHeaders, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      const read = async <T>(path: string) => {
        const response = await call('GET', path);
        assert.equal(response.status, 200, await response.clone().text());
        return (await response.json()) as T;
      };
      await post(t.app, '/v1/batch', { batch: [{ type: 'group', userId: 'u1', groupId: 'acme', traits: { name: 'Acme' } }] }, ws.ingestHeaders);
      return { ws, call, read };
    };

    test('team members are checked field by field, and an e-mail is on the team once', async () => {
      const { call } = await client();
      const bad = await call('POST', '/api/team', { email: 'not-mail', name: '', role: 'boss', capacity: -1 });
      assert.equal(bad.status, 400);
      assert.deepEqual((await bad.json()).error.issues.map((i: { path: string }) => i.path).sort(), ['capacity', 'email', 'name', 'role']);
      assert.equal((await call('POST', '/api/team', { email: 'Ann@Example.com', name: 'Ann', role: 'csm', capacity: 2 })).status, 201);
      const again = await call('POST', '/api/team', { email: 'ann@example.com', name: 'Ann B', role: 'csm' });
      assert.equal(again.status, 409);
    });

    test('a person reassigns an account; its open tasks follow the owner and the history says who did it', async () => {
      const { call, read } = await client();
      const ann = await (await call('POST', '/api/team', { email: 'ann@example.com', name: 'Ann', role: 'csm', capacity: 2 })).json();
      const bob = await (await call('POST', '/api/team', { email: 'bob@example.com', name: 'Bob', role: 'csm', capacity: 2 })).json();
      const created = await call('POST', '/api/tasks', { groupId: 'acme', type: 'renewal-call', title: 'Renewal call', dueAt: '2026-02-01T09:00:00Z', ownerId: ann.id });
      assert.equal(created.status, 201, await created.clone().text());
      const task = (await created.json()) as Task;
      assert.deepEqual([task.ownerName, task.dueAt, task.status], ['Ann', Date.UTC(2026, 1, 1, 9), 'open']);

      assert.equal((await call('PUT', '/api/accounts/acme/owner', { memberId: bob.id, reason: 'Ann is on leave' })).status, 200);
      const acme = await read<AccountWithContacts>('/api/accounts/acme');
      assert.deepEqual([acme.owner?.name, acme.owner?.reason, acme.openTasks[0]?.ownerName], ['Bob', 'Ann is on leave', 'Bob']);
      const history = await read<{ items: { toMember: string | null; changedBy: string }[] }>('/api/accounts/acme/owner-history');
      assert.deepEqual(history.items.map((h) => [h.toMember, h.changedBy]), [[bob.id, 'api']]);
      assert.equal((await call('PUT', '/api/accounts/acme/owner', { memberId: 'nobody-here' })).status, 404);
      assert.equal((await call('PUT', '/api/accounts/acme/owner', { memberId: 42 })).status, 400);
    });

    test('closing a task twice is a conflict; a bad update names the field; mine needs a signed-in user', async () => {
      const { call } = await client();
      const task = (await (await call('POST', '/api/tasks', { groupId: 'acme', type: 'check-in', title: 'Check in', dueAt: 0 })).json()) as Task;
      assert.equal(task.overdue, true);
      const bad = await call('PATCH', `/api/tasks/${task.id}`, { status: 'finished' });
      assert.deepEqual((await bad.json()).error.issues.map((i: { path: string }) => i.path), ['status']);
      assert.equal((await call('PATCH', `/api/tasks/${task.id}`, { status: 'cancelled', outcome: 'not needed' })).status, 200);
      assert.equal((await call('PATCH', `/api/tasks/${task.id}`, { status: 'done' })).status, 409);
      assert.equal((await call('PATCH', '/api/tasks/missing', { status: 'done' })).status, 404);
      assert.equal((await call('GET', '/api/tasks/mine')).status, 400);
      assert.equal((await call('POST', '/api/tasks', { groupId: 'nope', type: 'check-in', title: 'x', dueAt: 0 })).status, 400);
    });
  });
}
