import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openTestApp, post, type TestApp } from '../support/app.js';
import { testWorkspace } from '../support/context.js';
import { DATABASES, newWorkspaceId } from '../support/databases.js';

for (const database of DATABASES) {
  describe(`e-mail events from an ESP, sent through the Segment API, on ${database.name}`, () => {
    let t: TestApp;
    before(async () => (t = await openTestApp(database)));
    after(async () => t.close());

    test('a hard bounce, a spam complaint and an unsubscribe put the address on the suppression list; a soft bounce does not', async () => {
      const ws = await testWorkspace(t.context, newWorkspaceId());
      const identify = (userId: string, email: string) => ({ type: 'identify', userId, traits: { email } });
      const response = await post(t.app, '/v1/batch', {
        batch: [
          identify('ann', 'Ann@Acme.example'),
          identify('bob', 'bob@acme.example'),
          identify('cat', 'cat@acme.example'),
          identify('dan', 'dan@acme.example'),
          { type: 'track', userId: 'ann', event: 'Email Bounced', messageId: 'esp-1', properties: { email_subject: 'Welcome' } },
          { type: 'track', userId: 'bob', event: 'Email Bounced', messageId: 'esp-2', properties: { bounce_type: 'Soft' } },
          { type: 'track', userId: 'cat', event: 'Email Marked as Spam', messageId: 'esp-3', properties: { email: 'Cat.Work@Acme.example' } },
          { type: 'track', userId: 'dan', event: 'Unsubscribed', messageId: 'esp-4' },
          { type: 'track', userId: 'eve', event: 'Email Bounced', messageId: 'esp-5' },
          { type: 'track', userId: 'ann', event: 'Email Opened', messageId: 'esp-6' },
        ],
      }, ws.ingestHeaders);
      assert.equal(response.status, 200);

      const listed = async () => (await t.store.delivery.suppressions(ws.workspaceId, { limit: 100 })).map((s) => [s.address, s.reason, s.detail, s.createdBy]).sort();
      assert.deepEqual(await listed(), [
        ['ann@acme.example', 'bounced', 'Email Bounced, event esp-1', 'ingestion'],
        ['cat.work@acme.example', 'complained', 'Email Marked as Spam, event esp-3', 'ingestion'],
        ['dan@acme.example', 'unsubscribed', 'Unsubscribed, event esp-4', 'ingestion'],
      ]);

      // A retry of the same events stores nothing twice; a later event keeps the first reason.
      const again = await post(t.app, '/v1/batch', {
        batch: [
          { type: 'track', userId: 'ann', event: 'Email Bounced', messageId: 'esp-1' },
          { type: 'track', userId: 'ann', event: 'Unsubscribed', messageId: 'esp-7' },
          { type: 'track', userId: 'bob', event: 'Email Bounced', messageId: 'esp-8', properties: { bounce_type: 'hard' } },
        ],
      }, ws.ingestHeaders);
      assert.equal(again.status, 200);
      assert.deepEqual((await listed()).map(([address, reason]) => [address, reason]), [
        ['ann@acme.example', 'bounced'],
        ['bob@acme.example', 'bounced'],
        ['cat.work@acme.example', 'complained'],
        ['dan@acme.example', 'unsubscribed'],
      ]);
    });

    test('a bounce in the same batch as the identify that gave the address suppresses that address', async () => {
      const ws = await testWorkspace(t.context, newWorkspaceId());
      const response = await post(t.app, '/v1/batch', {
        batch: [
          { type: 'track', userId: 'fay', event: 'Email Bounced', messageId: 'b-1' },
          { type: 'identify', userId: 'fay', traits: { email: 'fay@acme.example' } },
        ],
      }, ws.ingestHeaders);
      assert.equal(response.status, 200);
      assert.equal((await t.store.delivery.suppression(ws.workspaceId, 'fay@acme.example'))?.reason, 'bounced');
    });
  });
}
