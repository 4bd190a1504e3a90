import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../src/api/app.js';
import { openEmailSender } from '../../src/engine/channels/email-channel.js';
import { storeOutbox } from '../../src/engine/channels/store-outbox.js';
import { Ingestion } from '../../src/engine/ingest.js';
import type { Store } from '../../src/store/store.js';
import { startSmtpSink } from '../engine/channels/smtp-sink.js';
import { openTestApp, post, type TestApp } from '../support/app.js';
import { TestClock, testContext, testWorkspace } from '../support/context.js';
import { DATABASES, newWorkspaceId, openTestStore } from '../support/databases.js';
import { messages, newId } from '../support/messages.js';

const KARI = { type: 'identify', userId: 'kari', traits: { email: 'kari@fjord.example', firstName: 'Kari', locale: 'nb-NO' } };

for (const database of DATABASES) {
  describe(`a template's test send on ${database.name}`, () => {
    let store: Store;
    before(async () => (store = await openTestStore(database)));
    after(async () => store.close());

    test('goes over SMTP to the address asked for, rendered for the contact in their locale, marked as a test and logged nowhere', async () => {
      const clock = new TestClock();
      const context = testContext(store, clock);
      await using sink = await startSmtpSink({ user: 'touchpoint', password: 'secret' });
      await using sender = openEmailSender({ smtpUrl: `smtp://touchpoint:secret@127.0.0.1:${sink.port}`, from: 'Acme Success <success@acme.example>' }, storeOutbox(store, clock));
      const ingestion = new Ingestion(context);
      const app = createApp(context, ingestion, { email: sender });
      const ws = await testWorkspace(context, newWorkspaceId());
      const json = { ...ws.apiHeaders, 'content-type': 'application/json' };
      await store.writeMessages(ws.workspaceId, messages([KARI], clock.now()), newId);

      const sent = await post(app, '/api/templates/welcome/test-send', { to: 'me@acme.example', userId: 'kari' }, json);
      assert.equal(sent.status, 200);
      const answer = await sent.json();
      assert.deepEqual([answer.to, answer.locale, answer.subject], ['me@acme.example', 'nb', '[Test] Velkommen, Kari: tre steg for å komme i gang']);
      assert.equal(sink.received.length, 1);
      const [mail] = sink.received;
      assert.deepEqual(mail!.envelope.to, ['me@acme.example']);
      assert.equal(mail!.mail.subject, '[Test] Velkommen, Kari: tre steg for å komme i gang');
      assert.equal(mail!.mail.messageId, answer.messageId);
      assert.equal(mail!.mail.headers.get('x-touchpoint-test'), 'true');
      assert.equal(mail!.mail.headers.get('list-unsubscribe'), undefined, 'a test is nobody’s subscription');
      assert.match(mail!.mail.text ?? '', /Kari/);
      assert.ok(mail!.mail.html);
      assert.deepEqual(await store.delivery.messages(ws.workspaceId, { limit: 10 }), [], 'not in the message log');

      const sample = await (await post(app, '/api/templates/welcome/test-send', { to: 'me@acme.example' }, json)).json();
      assert.equal(sample.contact, null);
      assert.equal(sink.received.length, 2);
      await ingestion.queue.flush();
    });

    test('is refused without an address, to a malformed one, for an in-app template or an unknown contact', async () => {
      const clock = new TestClock();
      const context = testContext(store, clock);
      const app = createApp(context, new Ingestion(context));
      const ws = await testWorkspace(context, newWorkspaceId());
      const json = { ...ws.apiHeaders, 'content-type': 'application/json' };
      const missing = await post(app, '/api/templates/welcome/test-send', {}, json);
      assert.equal(missing.status, 400);
      assert.deepEqual((await missing.json()).error.issues, [{ path: 'to', message: 'is required' }]);
      const malformed = await post(app, '/api/templates/welcome/test-send', { to: 'not an address' }, json);
      assert.equal(malformed.status, 400);
      assert.equal((await malformed.json()).error.issues[0].path, 'to');
      assert.equal((await post(app, '/api/templates/getting-started-guide/test-send', { to: 'me@acme.example' }, json)).status, 400);
      assert.equal((await post(app, '/api/templates/welcome/test-send', { to: 'me@acme.example', userId: 'nobody' }, json)).status, 404);
      assert.equal((await post(app, '/api/templates/no-such-template/test-send', { to: 'me@acme.example' }, json)).status, 404);
    });
  });

  describe(`a template's test send without SMTP on ${database.name}`, () => {
    let t: TestApp;
    before(async () => (t = await openTestApp(database)));
    after(async () => t.close());

    test('lands in the outbox, where the dashboard shows it', async () => {
      const ws = await testWorkspace(t.context, newWorkspaceId());
      const sent = await post(t.app, '/api/templates/welcome/test-send', { to: 'me@acme.example' }, { ...ws.apiHeaders, 'content-type': 'application/json' });
      assert.equal(sent.status, 200);
      const outbox = await t.store.outbox.list(ws.workspaceId, 10);
      assert.deepEqual(outbox.map((m) => [m.to.address, m.subject.startsWith('[Test] ')]), [['me@acme.example', true]]);
    });
  });
}
