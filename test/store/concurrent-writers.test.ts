import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { postgresDialect } from '../../src/store/dialects/postgres/postgres-dialect.js';
import { Store } from '../../src/store/store.js';
import { newWorkspaceId } from '../support/databases.js';
import { messages, newId } from '../support/messages.js';

const url = process.env['TOUCHPOINT_TEST_DATABASE_URL'];

// Several Touchpoint processes over one PostgreSQL: modelled by several stores with their own pools.
describe('several writers over one PostgreSQL server', { skip: url ? false : 'needs TOUCHPOINT_TEST_DATABASE_URL' }, () => {
  test('the same new people written at once by four writers become one contact each', async () => {
    const stores = await Promise.all(Array.from({ length: 4 }, () => Store.open(postgresDialect(url!, { poolSize: 2 }))));
    try {
      const ws = newWorkspaceId();
      await stores[0]!.workspaces.ensure(ws, ws, 0);
      const people = Array.from({ length: 30 }, (_, i) => `person-${i}`);
      await Promise.all(
        stores.flatMap((store, s) =>
          people.map((userId, i) =>
            store.writeMessages(ws, messages([
              { type: 'identify', userId, traits: { [`seenBy${s}`]: true } },
              { type: 'group', userId, groupId: `acct-${i % 3}`, traits: { name: `Account ${i % 3}` } },
              { type: 'track', userId, event: 'Signed In', messageId: `${userId}-${s}` },
            ]), newId),
          ),
        ),
      );
      const store = stores[0]!;
      assert.equal((await store.timeline.totals(ws)).contacts, people.length);
      for (const userId of people) {
        const contact = await store.contacts.findByUserId(ws, userId);
        assert.deepEqual(Object.keys(contact!.traits).sort(), ['seenBy0', 'seenBy1', 'seenBy2', 'seenBy3']);
        assert.equal((await store.timeline.ofContact(ws, contact!.id, { limit: 10 })).items.length, 4);
      }
      assert.equal((await store.timeline.totals(ws)).accounts, 3);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});
