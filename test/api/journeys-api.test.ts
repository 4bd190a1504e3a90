import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SHIPPED_PLAYBOOKS } from '../../src/core/journeys/shipped-playbooks.js';
import { applyDefinitions } from '../../src/engine/definitions/apply-definitions.js';
import { JourneyWorker } from '../../src/engine/journeys/journey-worker.js';
import { journeyLookup } from '../../src/engine/journeys/journeys-in-force.js';
import { countingPerformers, DAY, ownedAccount } from '../engine/journeys/journey-fixtures.js';
import { openTestApp, post, type TestApp } from '../support/app.js';
import { testWorkspace } from '../support/context.js';
import { messages, newId } from '../support/messages.js';
import { DATABASES, newWorkspaceId } from '../support/databases.js';

const FOLLOW_UP = `kind: Journey
spec:
  id: follow-up
  name: Follow up
  subject: account
  trigger: { api: {} }
  steps:
    - { id: first-wait, wait: { for: { days: 1 } } }
    - { id: first-call, task: { type: check-in, title: First call, dueInDays: 1 } }
    - { id: second-wait, wait: { for: { days: 2 } } }
    - { id: second-call, task: { type: check-in, title: Second call, dueInDays: 1 } }
`;

for (const database of DATABASES) {
  describe(`journeys API on ${database.name}`, () => {
    let t: TestApp;
    before(async () => (t = await openTestApp(database)));
    after(async () => t.close());

    test('a new workspace lists the shipped playbooks, every one paused until activated', async () => {
      const ws = await testWorkspace(t.context, newWorkspaceId());
      const list = await (await t.app.request('/api/journeys', { headers: ws.apiHeaders })).json();
      assert.deepEqual(list.items.map((j: { id: string }) => j.id), SHIPPED_PLAYBOOKS.map((j) => j.id));
      assert.ok(list.items.every((j: { status: string; shipped: boolean; runs: { entered: number } }) => j.status === 'paused' && j.shipped && j.runs.entered === 0));

      const activated = await post(t.app, '/api/journeys/low-touch-onboarding/activate', {}, ws.apiHeaders);
      assert.equal(activated.status, 200);
      assert.deepEqual(await activated.json(), { id: 'low-touch-onboarding', status: 'active', statusChangedBy: 'api', statusChangedAt: t.clock.now() });
      const one = await (await t.app.request('/api/journeys/low-touch-onboarding', { headers: ws.apiHeaders })).json();
      assert.equal(one.status, 'active');
      assert.deepEqual(one.steps.map((s: { id: string; kind: string; next: string[] }) => [s.id, s.kind, s.next]).slice(0, 2), [['welcome', 'email', ['wait-2-days']], ['wait-2-days', 'wait', ['feature-highlights']]]);
      assert.equal((await post(t.app, '/api/journeys/nope/pause', {}, ws.apiHeaders)).status, 404);
    });

    test('a paused journey takes no one in and holds its runs; activated again, what came due happens', async () => {
      const ws = await testWorkspace(t.context, newWorkspaceId());
      await ownedAccount(t.context, ws.workspaceId, 'acme');
      assert.ok((await applyDefinitions(t.context, ws.workspaceId, [{ name: 'follow-up.yaml', text: FOLLOW_UP }], 'test')).ok);
      const trigger = () => post(t.app, '/api/journeys/follow-up/trigger', { subject: { kind: 'account', id: 'acme' } }, ws.apiHeaders);
      const worker = new JourneyWorker(t.context, { journeys: journeyLookup(t.context), performers: countingPerformers(t.context).performers, workspaceIds: [ws.workspaceId] });
      const journey = async () => (await t.app.request('/api/journeys/follow-up', { headers: ws.apiHeaders })).json();
      const tasks = async () => (await t.store.tasks.list(ws.workspaceId, { groupId: 'acme', limit: 10 }, t.clock.now())).map((task) => task.title);

      assert.equal((await journey()).status, 'active', 'a journey a workspace applies runs at once');
      assert.equal((await trigger()).status, 201);
      assert.equal((await post(t.app, '/api/journeys/follow-up/pause', {}, ws.apiHeaders)).status, 200);
      const refused = await trigger();
      assert.equal(refused.status, 409);
      assert.match((await refused.json()).error.message, /paused/);

      t.clock.advance(DAY);
      await worker.runOnce();
      assert.deepEqual(await tasks(), [], 'the timer came, but the run is held');
      const held = (await journey()).steps[0];
      assert.deepEqual([held.id, held.entered, held.now], ['first-wait', 1, 1]);

      assert.equal((await post(t.app, '/api/journeys/follow-up/activate', {}, ws.apiHeaders)).status, 200);
      // The held run's claim is leased for a minute; after it, the next pass moves it on.
      t.clock.advance(60_000);
      await worker.runOnce();
      assert.deepEqual(await tasks(), ['First call']);
      const after = await journey();
      assert.deepEqual(after.steps.map((s: { id: string; entered: number; now: number }) => [s.id, s.entered, s.now]), [['first-wait', 1, 0], ['first-call', 1, 0], ['second-wait', 1, 1], ['second-call', 0, 0]]);
      assert.deepEqual(after.runs, { entered: 1, waiting: 1, completed: 0, exited: 0, converted: 0 });
    });

    test('templates: the shipped ones are listed, previewed for a contact in their locale or another, and a broken draft is refused with its line', async () => {
      const ws = await testWorkspace(t.context, newWorkspaceId());
      const json = { ...ws.apiHeaders, 'content-type': 'application/json' };
      await t.store.writeMessages(ws.workspaceId, messages([{ type: 'identify', userId: 'kari', traits: { email: 'kari@fjord.example', firstName: 'Kari', locale: 'nb-NO' } }], t.clock.now()), newId);
      const list = await (await t.app.request('/api/templates', { headers: ws.apiHeaders })).json();
      assert.deepEqual(list.items.find((i: { id: string }) => i.id === 'welcome'), { id: 'welcome', name: 'Welcome (low-touch onboarding, day 0)', description: null, channel: 'email', locales: ['en', 'nb'], defaultLocale: 'en' });

      const norwegian = await (await post(t.app, '/api/templates/welcome/preview', { userId: 'kari' }, json)).json();
      assert.equal(norwegian.locale, 'nb');
      assert.equal(norwegian.subject, 'Velkommen, Kari: tre steg for å komme i gang');
      assert.match(norwegian.text, /Meld deg av: https:\/\/example.com\/unsubscribe\/preview/);
      const english = await (await post(t.app, '/api/templates/welcome/preview', { userId: 'kari', locale: 'en' }, json)).json();
      assert.equal(english.subject, 'Welcome, Kari: three steps to get your team started');
      const sample = await (await post(t.app, '/api/templates/getting-started-guide/preview', {}, json)).json();
      assert.deepEqual([sample.channel, sample.locale, sample.title], ['in-app', 'en', 'Welcome! Start here']);
      assert.equal((await post(t.app, '/api/templates/welcome/preview', { userId: 'nobody' }, json)).status, 404);

      const broken = await post(t.app, '/api/templates/validate', { id: 'x', name: 'X', channel: 'email', locales: { en: { subject: 'Hi', html: '<p>Hi</p>\n<p>{{ contact.frist_name }}</p>', text: 'Hi {% if %}' } } }, json);
      assert.equal(broken.status, 400);
      const issues = (await broken.json()).error.issues as { path: string; message: string }[];
      assert.deepEqual(issues.map((i) => i.path), ['locales.en.html', 'locales.en.text']);
      assert.match(issues[0]!.message, /^line 2: .*contact\.frist_name/);
    });

    test('one journey is created, replaced and deleted on its own; the shipped playbooks stay in force; templates it names must exist', async () => {
      const ws = await testWorkspace(t.context, newWorkspaceId());
      const json = { ...ws.apiHeaders, 'content-type': 'application/json' };
      const send = (method: string, path: string, body?: unknown) => t.app.request(path, { method, headers: json, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      const ids = async () => ((await (await t.app.request('/api/journeys', { headers: ws.apiHeaders })).json()).items as { id: string }[]).map((j) => j.id);
      const shipped = await ids();
      const nudge = { id: 'nudge', name: 'Nudge', trigger: { api: {} }, steps: [{ id: 'hello', email: { template: 'welcome' } }] };

      const created = await send('POST', '/api/journeys', nudge);
      assert.equal(created.status, 201);
      assert.deepEqual([(await created.json()).status], ['active']);
      assert.deepEqual((await ids()).sort(), [...shipped, 'nudge'].sort(), 'the playbooks are still in force');
      assert.equal((await send('POST', '/api/journeys', nudge)).status, 409);

      const renamed = await send('PUT', '/api/journeys/nudge', { ...nudge, name: 'Gentle nudge' });
      assert.equal(renamed.status, 200);
      assert.equal((await (await t.app.request('/api/journeys/nudge', { headers: ws.apiHeaders })).json()).journey.name, 'Gentle nudge');
      const mismatch = await send('PUT', '/api/journeys/other', nudge);
      assert.equal(mismatch.status, 400);
      assert.deepEqual((await mismatch.json()).error.issues, [{ path: 'id', message: 'must be other' }]);

      const missing = await send('PUT', '/api/journeys/nudge', { ...nudge, steps: [{ id: 'hello', email: { template: 'no-such-template' } }, { id: 'tip', email: { template: 'getting-started-guide' } }] });
      assert.equal(missing.status, 400);
      assert.deepEqual((await missing.json()).error.issues, [
        { path: 'steps.0.email.template', message: 'names message template no-such-template, which does not exist' },
        { path: 'steps.1.email.template', message: 'names message template getting-started-guide, which is for in-app messages' },
      ]);

      assert.equal((await send('DELETE', `/api/journeys/${shipped[0]}`)).status, 204);
      assert.equal((await send('DELETE', '/api/journeys/nudge')).status, 204);
      assert.deepEqual((await ids()).sort(), shipped.slice(1).sort());
      assert.equal((await send('DELETE', '/api/journeys/nudge')).status, 404);
    });

    test('one template is created, replaced and deleted on its own, but not one a journey sends', async () => {
      const ws = await testWorkspace(t.context, newWorkspaceId());
      const json = { ...ws.apiHeaders, 'content-type': 'application/json' };
      const send = (method: string, path: string, body?: unknown) => t.app.request(path, { method, headers: json, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      const hello = { id: 'hello', name: 'Hello', channel: 'email', locales: { en: { subject: 'Hello {{ contact.firstName }}', html: '<p>Hi</p>', text: 'Hi' } } };
      assert.equal((await send('POST', '/api/templates', hello)).status, 201);
      assert.equal((await send('POST', '/api/templates', hello)).status, 409);
      const list = async () => ((await (await t.app.request('/api/templates', { headers: ws.apiHeaders })).json()).items as { id: string }[]).map((i) => i.id);
      assert.ok((await list()).includes('welcome'), 'the shipped templates stay in force');
      const broken = await send('PUT', '/api/templates/hello', { ...hello, locales: { en: { ...hello.locales.en, text: 'Hi {% if %}' } } });
      assert.equal(broken.status, 400);
      assert.equal((await broken.json()).error.issues[0].path, 'locales.en.text');
      assert.equal((await send('PUT', '/api/templates/hello', { ...hello, name: 'Hello again' })).status, 200);

      const used = await send('DELETE', '/api/templates/welcome');
      assert.equal(used.status, 409);
      assert.match((await used.json()).error.message, /used by journeys .*low-touch-onboarding/);
      const toInApp = await send('PUT', '/api/templates/welcome', { id: 'welcome', name: 'Welcome', channel: 'in-app', locales: { en: { title: 'Hi', body: '<p>Hi</p>' } } });
      assert.equal(toInApp.status, 409);
      assert.equal((await send('DELETE', '/api/templates/hello')).status, 204);
      assert.ok(!(await list()).includes('hello'));
    });

    test('a draft is checked without saving, its problems named by path', async () => {
      const ws = await testWorkspace(t.context, newWorkspaceId());
      const bad = await post(t.app, '/api/journeys/validate', { id: 'x', name: 'X', trigger: { api: {} }, steps: [{ id: 'a', wait: { for: { days: 1 } }, next: 'nowhere' }] }, { ...ws.apiHeaders, 'content-type': 'application/json' });
      assert.equal(bad.status, 400);
      assert.deepEqual((await bad.json()).error.issues, [{ path: 'steps.0.next', message: 'is not a step of this journey (steps: a)' }]);
      const good = await post(t.app, '/api/journeys/validate', { id: 'x', name: 'X', trigger: { api: {} }, steps: [{ id: 'a', wait: { for: { days: 1 } } }] }, { ...ws.apiHeaders, 'content-type': 'application/json' });
      assert.equal(good.status, 200);
      assert.deepEqual((await good.json()).journey.entry, { once: true });
    });
  });
}
