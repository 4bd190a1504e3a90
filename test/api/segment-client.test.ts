import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Analytics } from '@segment/analytics-node';
import { startServer, type RunningServer } from '../../src/cli/serve.js';
import type { Store } from '../../src/store/store.js';
import { testContext, testWorkspace } from '../support/context.js';
import { DATABASES, newWorkspaceId, openTestStore } from '../support/databases.js';
import { systemClock } from '../../src/engine/system-context.js';

for (const database of DATABASES) {
  describe(`the official Segment Node client on ${database.name}`, () => {
    let store: Store;
    let server: RunningServer;
    let context: ReturnType<typeof testContext>;
    before(async () => {
      store = await openTestStore(database);
      context = testContext(store, systemClock);
      server = await startServer(context, { port: 0 });
    });
    after(async () => {
      await server.close();
      await store.close();
    });

    test('identify, group, track and page calls arrive and are visible through the REST API', async () => {
      const ws = await testWorkspace(context, newWorkspaceId());
      const analytics = new Analytics({ writeKey: ws.writeKey, host: server.url, flushInterval: 50, maxRetries: 1 });
      const errors: unknown[] = [];
      analytics.on('error', (e) => errors.push(e));
      analytics.identify({ userId: 'seg-1', traits: { email: 'seg@example.com', name: 'Seg Ment' } });
      analytics.group({ userId: 'seg-1', groupId: 'seg-co', traits: { name: 'Segment Co', plan: 'growth', mrr: 1200 } });
      analytics.track({ userId: 'seg-1', event: 'Invite Sent', properties: { invitee: 'x@example.com' }, context: { groupId: 'seg-co' } });
      analytics.page({ userId: 'seg-1', name: 'Pricing', properties: { url: 'https://example.com/pricing' } });
      await analytics.closeAndFlush({ timeout: 10_000 });
      assert.deepEqual(errors, []);

      const get = async (path: string) => {
        const response = await fetch(server.url + path, { headers: ws.apiHeaders });
        assert.equal(response.status, 200, path);
        return response.json();
      };
      const contact = await get('/api/contacts/seg-1');
      assert.equal(contact.email, 'seg@example.com');
      assert.deepEqual(contact.accounts, ['seg-co']);
      const account = await get('/api/accounts/seg-co');
      assert.deepEqual([account.name, account.plan, account.mrr], ['Segment Co', 'growth', 1200]);
      const timeline = await get('/api/contacts/seg-1/timeline');
      assert.deepEqual(timeline.items.map((e: { name: string; channel: string }) => [e.name, e.channel]).sort(), [['Invite Sent', 'in_app'], ['Pricing', 'web']]);
    });
  });
}
