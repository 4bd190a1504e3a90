import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openApiDocument } from '../../src/api/openapi.js';
import { addUser } from '../../src/engine/users.js';
import { openTestApp, post, type TestApp } from '../support/app.js';
import { testWorkspace } from '../support/context.js';
import { DATABASES, newWorkspaceId } from '../support/databases.js';

for (const database of DATABASES) {
  describe(`REST API on ${database.name}`, () => {
    let t: TestApp;
    before(async () => (t = await openTestApp(database)));
    after(async () => t.close());

    const seeded = async () => {
      const ws = await testWorkspace(t.context, newWorkspaceId());
      const batch = [
        { type: 'identify', userId: 'ann', traits: { email: 'ann@acme.com', name: 'Ann' } },
        { type: 'group', userId: 'ann', groupId: 'acme', traits: { name: 'Acme', plan: 'enterprise', mrr: 9000 } },
        { type: 'group', userId: 'bob', groupId: 'bolt', traits: { name: 'Bolt', plan: 'starter', mrr: 90 } },
        { type: 'track', userId: 'ann', event: 'Meeting Held', context: { groupId: 'acme' } },
      ];
      assert.equal((await post(t.app, '/v1/batch', { batch }, ws.ingestHeaders)).status, 200);
      return ws;
    };

    test('accounts are listed with filters and pages, and one account has its contacts', async () => {
      const ws = await seeded();
      const list = await (await t.app.request('/api/accounts?plan=enterprise', { headers: ws.apiHeaders })).json();
      assert.deepEqual(list, { items: [list.items[0]], total: 1, limit: 50, offset: 0 });
      assert.equal(list.items[0].name, 'Acme');
      const paged = await (await t.app.request('/api/accounts?sort=mrr&limit=1&offset=1', { headers: ws.apiHeaders })).json();
      assert.deepEqual(paged.items.map((a: { groupId: string }) => a.groupId), ['bolt']);
      const account = await (await t.app.request('/api/accounts/acme', { headers: ws.apiHeaders })).json();
      assert.deepEqual(account.contacts.map((c: { userId: string }) => c.userId), ['ann']);
      const timeline = await (await t.app.request('/api/accounts/acme/timeline', { headers: ws.apiHeaders })).json();
      assert.deepEqual(timeline.items.map((e: { name: string }) => e.name), ['Meeting Held']);
    });

    test('a bad query parameter is a 400 naming it, an unknown account a 404', async () => {
      const ws = await seeded();
      const bad = await t.app.request('/api/accounts?limit=5000', { headers: ws.apiHeaders });
      assert.equal(bad.status, 400);
      assert.deepEqual((await bad.json()).error.issues, [{ path: 'limit', message: 'must be an integer from 1 to 500' }]);
      const sort = await t.app.request('/api/accounts?sort=size', { headers: ws.apiHeaders });
      assert.equal((await sort.json()).error.issues[0].path, 'sort');
      const missing = await t.app.request('/api/accounts/nope', { headers: ws.apiHeaders });
      assert.equal(missing.status, 404);
      assert.equal((await missing.json()).error.message, 'account nope not found');
      const cursor = await t.app.request('/api/contacts/ann/timeline?cursor=garbage', { headers: ws.apiHeaders });
      assert.equal(cursor.status, 400);
    });

    test('a workspace never sees another workspace’s data', async () => {
      const mine = await seeded();
      const theirs = await testWorkspace(t.context, newWorkspaceId());
      assert.equal((await t.app.request('/api/accounts/acme', { headers: theirs.apiHeaders })).status, 404);
      assert.equal((await t.app.request('/api/contacts/ann', { headers: theirs.apiHeaders })).status, 404);
      assert.equal((await t.app.request('/api/contacts/ann/timeline', { headers: theirs.apiHeaders })).status, 404);
      assert.equal((await (await t.app.request('/api/accounts', { headers: theirs.apiHeaders })).json()).total, 0);
      assert.equal((await (await t.app.request('/api/overview', { headers: theirs.apiHeaders })).json()).totals.events, 0);
      assert.equal((await t.app.request('/api/accounts/acme', { headers: mine.apiHeaders })).status, 200);
      // A write key writes only into its own workspace.
      await post(t.app, '/v1/track', { userId: 'ann', event: 'Elsewhere' }, theirs.ingestHeaders);
      const timeline = await (await t.app.request('/api/contacts/ann/timeline', { headers: mine.apiHeaders })).json();
      assert.deepEqual(timeline.items.map((e: { name: string }) => e.name), ['Meeting Held']);
    });

    test('the REST API needs a valid token or session', async () => {
      assert.equal((await t.app.request('/api/accounts')).status, 401);
      assert.equal((await t.app.request('/api/accounts', { headers: { authorization: 'Bearer tp_wrong' } })).status, 401);
    });

    test('a team member logs in for an HttpOnly session cookie, and logs out', async () => {
      const ws = await seeded();
      await addUser(t.context, { workspaceId: ws.workspaceId, email: `csm-${ws.workspaceId}@x.com`, password: 'correct horse', role: 'csm' });
      const wrong = await post(t.app, '/auth/login', { email: `csm-${ws.workspaceId}@x.com`, password: 'nope' }, { 'content-type': 'application/json' });
      assert.equal(wrong.status, 401);
      const login = await post(t.app, '/auth/login', { email: `CSM-${ws.workspaceId}@x.com`, password: 'correct horse' }, { 'content-type': 'application/json' });
      assert.equal(login.status, 200);
      const setCookie = login.headers.get('set-cookie') ?? '';
      assert.match(setCookie, /HttpOnly/);
      const cookie = setCookie.split(';')[0]!;
      const me = await (await t.app.request('/api/me', { headers: { cookie } })).json();
      assert.equal(me.workspaceId, ws.workspaceId);
      assert.equal((await t.app.request('/api/accounts/acme', { headers: { cookie } })).status, 200);
      await post(t.app, '/auth/logout', {}, { cookie });
      assert.equal((await t.app.request('/api/me', { headers: { cookie } })).status, 401);
    });

    test('ten failed logins lock the e-mail out for fifteen minutes', async () => {
      const ws = await seeded();
      const email = `locked-${ws.workspaceId}@x.com`;
      await addUser(t.context, { workspaceId: ws.workspaceId, email, password: 'the right one', role: 'csm' });
      const login = (password: string) => post(t.app, '/auth/login', { email, password }, { 'content-type': 'application/json' });
      for (let i = 0; i < 10; i++) assert.equal((await login('guess')).status, 401);
      const locked = await login('the right one');
      assert.equal(locked.status, 429);
      assert.match((await locked.json()).error.message, /too many failed logins/);
      t.clock.advance(15 * 60_000);
      assert.equal((await login('the right one')).status, 200);
    });

    test('the OpenAPI document describes every REST route', async () => {
      const doc = await (await t.app.request('/api/openapi.json')).json();
      assert.equal(doc.openapi, '3.1.0');
      for (const path of ['/api/accounts', '/api/accounts/{groupId}', '/api/contacts/{userId}', '/api/contacts/{userId}/timeline', '/v1/batch']) {
        assert.ok(doc.paths[path], path);
      }
      assert.deepEqual(Object.keys(doc.paths), Object.keys(openApiDocument.paths));
    });
  });
}
