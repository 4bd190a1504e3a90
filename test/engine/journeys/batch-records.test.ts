import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BatchRecords } from '../../../src/engine/journeys/batch-records.js';
import type { ClaimedEffect } from '../../../src/store/journeys/journey-effects.js';
import type { Store } from '../../../src/store/store.js';
import { DATABASES, newWorkspaceId, openTestStore } from '../../support/databases.js';
import { messages, newId } from '../../support/messages.js';

const AT = Date.UTC(2026, 2, 2, 9);

function emailTo(workspaceId: string, contactId: string): ClaimedEffect {
  return {
    workspaceId, runId: newId(), journeyId: 'welcome', subject: { kind: 'contact', id: contactId }, trigger: {}, attempt: 1, leasedUntil: AT + 60_000,
    effect: { kind: 'email', key: `welcome:${contactId}`, stepId: 'hello', template: 'welcome' },
  } as ClaimedEffect;
}

for (const database of DATABASES) {
  describe(`the records a batch of effects reads on ${database.name}`, () => {
    let store: Store;
    before(async () => (store = await openTestStore(database)));
    after(async () => store.close());

    test('the batch is read together, equal to reading each; a forgotten subject is read again and shows its change', async () => {
      const ws = newWorkspaceId();
      await store.workspaces.ensure(ws, ws, AT);
      await store.writeMessages(ws, messages([
        { type: 'identify', userId: 'ann', traits: { email: 'ann@acme.example', name: 'Ann Berg', tier: 'silver' } },
        { type: 'identify', userId: 'bob', traits: { email: 'bob@globex.example' } },
        { type: 'group', userId: 'ann', groupId: 'acme', traits: { name: 'Acme', plan: 'pro' } },
        { type: 'group', userId: 'ann', groupId: 'initech', traits: { name: 'Initech' } },
        { type: 'group', userId: 'bob', groupId: 'globex', traits: { name: 'Globex' } },
      ], AT), newId);
      const ann = (await store.contacts.findByUserId(ws, 'ann'))!;
      const bob = (await store.contacts.findByUserId(ws, 'bob'))!;
      const records = new BatchRecords(store, [emailTo(ws, ann.id), emailTo(ws, bob.id)]);

      assert.deepEqual(await Promise.all([bob.id, ann.id, 'gone'].map((id) => records.contact(ws, id))), [bob, ann, undefined]);
      const { contactCount: _count, lastSeenAt: _seen, ...acme } = (await store.accounts.find(ws, 'acme'))!;
      assert.deepEqual(await records.account(ws, 'acme'), acme);
      assert.equal((await records.account(ws, 'initech'))?.name, 'Initech', 'an account the batch did not name is read on its own');
      assert.equal(await records.account(ws, 'gone'), undefined);

      await store.journeys.setTrait(ws, { kind: 'contact', id: ann.id }, 'tier', 'gold', AT + 1);
      assert.equal((await records.contact(ws, ann.id))?.traits['tier'], 'silver', 'read with the batch, before the change');
      records.forget(ws, { kind: 'contact', id: ann.id });
      assert.equal((await records.contact(ws, ann.id))?.traits['tier'], 'gold');
    });
  });
}
