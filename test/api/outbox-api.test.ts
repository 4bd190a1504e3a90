import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createOutboxSender } from '../../src/engine/channels/outbox-sender.js';
import { storeOutbox } from '../../src/engine/channels/store-outbox.js';
import { openTestApp, type TestApp } from '../support/app.js';
import { testWorkspace } from '../support/context.js';
import { DATABASES, newWorkspaceId } from '../support/databases.js';

for (const database of DATABASES) {
  describe(`the e-mail outbox on ${database.name}`, () => {
    let t: TestApp;
    before(async () => (t = await openTestApp(database)));
    after(async () => t.close());

    test('mail kept instead of sent is listed for its workspace only, and a retried send keeps one copy', async () => {
      const mine = await testWorkspace(t.context, newWorkspaceId());
      const other = await testWorkspace(t.context, newWorkspaceId());
      const sender = createOutboxSender(storeOutbox(t.store, t.clock), { from: 'Acme <success@acme.example>' });
      const mail = (ws: string, key: string) => ({ to: { name: 'Ann Berg', address: 'ann@acme.example' }, subject: `Hello ${key}`, html: '<p>Hi</p>', text: 'Hi', messageKey: `${ws}:${key}`, unsubscribe: null });
      await sender.send(mail(mine.workspaceId, 'run-1:1:hello'));
      await sender.send(mail(mine.workspaceId, 'run-1:1:hello'));
      await sender.send(mail(other.workspaceId, 'run-2:1:hello'));
      const response = await t.app.request('/api/outbox', { headers: mine.apiHeaders });
      const body = (await response.json()) as { items: { subject: string; to: { address: string }; from: string; messageId: string }[] };
      assert.deepEqual(body.items.map((m) => [m.subject, m.to.address, m.from]), [['Hello run-1:1:hello', 'ann@acme.example', 'Acme <success@acme.example>']]);
      assert.match(body.items[0]!.messageId, /^<[0-9a-f]{32}@acme\.example>$/);
    });
  });
}
