import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openTestApp, type TestApp } from '../support/app.js';
import { testWorkspace } from '../support/context.js';
import { DATABASES, newWorkspaceId } from '../support/databases.js';

for (const database of DATABASES) {
  describe(`the suppression list and message log over REST on ${database.name}`, () => {
    let t: TestApp;
    before(async () => (t = await openTestApp(database)));
    after(async () => t.close());

    test('addresses are suppressed once each, listed for their workspace only, and can be let through again', async () => {
      const mine = await testWorkspace(t.context, newWorkspaceId());
      const other = await testWorkspace(t.context, newWorkspaceId());
      const send = (ws: typeof mine, method: string, path: string, body?: unknown) =>
        t.app.request(path, { method, headers: { ...ws.apiHeaders, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

      const bad = await send(mine, 'POST', '/api/suppressions', { addresses: ['ann@acme.example', 'not an address'], reason: 'lost' });
      assert.equal(bad.status, 400);
      const issues = ((await bad.json()) as { error: { issues: { path: string; message: string }[] } }).error.issues;
      assert.deepEqual(issues.map((i) => i.path).sort(), ['addresses.1', 'reason']);
      assert.equal((await (await send(mine, 'GET', '/api/suppressions')).json() as { items: unknown[] }).items.length, 0, 'nothing of a refused request is stored');

      const added = await send(mine, 'POST', '/api/suppressions', { addresses: ['Ann@Acme.example', 'bob@acme.example', 'ann@acme.example'], reason: 'complained', detail: 'feedback loop' });
      assert.equal(added.status, 201);
      assert.deepEqual(await added.json(), { added: 2, alreadySuppressed: 0 });
      assert.deepEqual(await (await send(mine, 'POST', '/api/suppressions', { addresses: ['bob@acme.example'] })).json(), { added: 0, alreadySuppressed: 1 });

      const list = (await (await send(mine, 'GET', '/api/suppressions?reason=complained')).json()) as { items: { address: string; reason: string; detail: string }[] };
      assert.deepEqual(list.items.map((s) => [s.address, s.reason, s.detail]).sort(), [['ann@acme.example', 'complained', 'feedback loop'], ['bob@acme.example', 'complained', 'feedback loop']]);
      assert.equal(((await (await send(other, 'GET', '/api/suppressions')).json()) as { items: unknown[] }).items.length, 0);

      assert.equal((await send(mine, 'DELETE', '/api/suppressions/ANN@acme.example')).status, 204);
      assert.equal((await send(mine, 'DELETE', '/api/suppressions/ann@acme.example')).status, 404);
      assert.equal(await t.store.delivery.suppression(mine.workspaceId, 'ann@acme.example'), undefined);
      assert.equal(((await (await send(mine, 'GET', '/api/messages')).json()) as { items: unknown[] }).items.length, 0);
    });
  });
}
