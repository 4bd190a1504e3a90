import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../../src/api/app.js';
import type { JourneyDefinition } from '../../../src/core/journeys/journey-definition.js';
import { createMemoryOutbox, createOutboxSender } from '../../../src/engine/channels/outbox-sender.js';
import { applyDefinitions } from '../../../src/engine/definitions/apply-definitions.js';
import { Ingestion } from '../../../src/engine/ingest.js';
import { JourneyWorker } from '../../../src/engine/journeys/journey-worker.js';
import { journeyPerformers } from '../../../src/engine/journeys/journey-performers.js';
import { journeyLookup } from '../../../src/engine/journeys/journeys-in-force.js';
import { startJourneyRun } from '../../../src/engine/journeys/start-journey-run.js';
import type { Store } from '../../../src/store/store.js';
import { TestClock, testContext, testWorkspace } from '../../support/context.js';
import { DATABASES, newWorkspaceId, openTestStore } from '../../support/databases.js';
import { messages, newId } from '../../support/messages.js';

const DEFINITIONS = `kind: MessageTemplate
spec:
  id: tip
  name: A tip
  channel: in-app
  locales:
    en: { title: "Try dashboards, {{ contact.firstName }}", body: "<p>Pin the report {{ contact.traits.favourite }} to a dashboard.</p>" }
    nb: { title: "Prøv dashbord, {{ contact.firstName }}", body: "<p>Fest rapporten {{ contact.traits.favourite }} til et dashbord.</p>" }
---
kind: Journey
spec:
  id: tips
  name: Product tips
  trigger: { api: {} }
  steps:
    - { id: show-tip, inApp: { template: tip } }
`;

for (const database of DATABASES) {
  describe(`in-app messages on ${database.name}`, () => {
    let store: Store;
    before(async () => (store = await openTestStore(database)));
    after(async () => store.close());

    test('a journey leaves a message the product fetches with its write key, in the locale, escaped, then seen and dismissed', async () => {
      const clock = new TestClock(Date.UTC(2026, 2, 2, 12));
      const context = testContext(store, clock);
      const ws = await testWorkspace(context, newWorkspaceId());
      await store.writeMessages(ws.workspaceId, messages([{ type: 'identify', userId: 'ann', traits: { name: 'Ann Berg', locale: 'nb-NO', favourite: '<b>Salg</b>' } }], clock.now()), newId);
      const applied = await applyDefinitions(context, ws.workspaceId, [{ name: 'tips.yaml', text: DEFINITIONS }], 'test');
      assert.ok(applied.ok, JSON.stringify(applied));
      const journey = applied.applied.find((d) => d.kind === 'Journey')!.spec as JourneyDefinition;
      const sender = createOutboxSender(createMemoryOutbox(), { from: 'Acme <success@acme.example>' });
      const worker = new JourneyWorker(context, { journeys: journeyLookup(context), performers: journeyPerformers(context, sender, { publicUrl: 'http://localhost:3000', webhooks: { allowPrivate: false } }), workspaceIds: [ws.workspaceId] });
      const ann = (await store.contacts.findByUserId(ws.workspaceId, 'ann'))!;
      assert.ok((await startJourneyRun(context, ws.workspaceId, journey, { kind: 'contact', id: ann.id })).started);
      await worker.runOnce();
      await worker.runOnce();

      const ingestion = new Ingestion(context);
      const app = createApp(context, ingestion);
      const fetchOpen = async () => (await (await app.request(`/v1/in-app/messages?writeKey=${ws.writeKey}&userId=ann`)).json()) as { messages: { id: string; title: string; body: string; seen: boolean }[] };
      assert.equal((await app.request('/v1/in-app/messages?writeKey=wrong&userId=ann')).status, 401);
      const [message, ...rest] = (await fetchOpen()).messages;
      assert.equal(rest.length, 0, 'one message, though the worker passed twice');
      assert.equal(message?.title, 'Prøv dashbord, Ann');
      assert.equal(message?.body, '<p>Fest rapporten &lt;b&gt;Salg&lt;/b&gt; til et dashbord.</p>');
      assert.equal(message?.seen, false);
      assert.deepEqual((await (await app.request(`/v1/in-app/messages?writeKey=${ws.writeKey}&userId=bob`)).json()), { messages: [] }, 'an unknown contact has none');

      const mark = (as: string, id = message!.id) => app.request(`/v1/in-app/messages/${encodeURIComponent(id)}/${as}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ writeKey: ws.writeKey, userId: 'ann' }) });
      assert.equal((await mark('seen')).status, 200);
      assert.equal((await mark('seen')).status, 200, 'seeing twice is fine');
      assert.equal((await fetchOpen()).messages[0]?.seen, true);
      assert.equal((await mark('dismissed')).status, 200);
      assert.deepEqual((await fetchOpen()).messages, []);
      assert.equal((await mark('dismissed', 'no-such-message')).status, 404);

      await ingestion.queue.flush();
      const timeline = await store.timeline.ofContact(ws.workspaceId, ann.id, { limit: 10 });
      assert.deepEqual(timeline.items.map((i) => i.name).sort(), ['In-App Message Dismissed', 'In-App Message Sent', 'In-App Message Viewed']);
      const [log] = await store.delivery.messages(ws.workspaceId, { contactId: ann.id, limit: 5 });
      assert.deepEqual([log?.channel, log?.status, log?.subject], ['in-app', 'sent', 'Prøv dashbord, Ann']);
      await ingestion[Symbol.asyncDispose]();
    });

    test('the snippet is served as JavaScript that defines Touchpoint.inApp', async () => {
      const context = testContext(store, new TestClock());
      const app = createApp(context, new Ingestion(context));
      const response = await app.request('/v1/in-app/snippet.js');
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /javascript/);
      const source = await response.text();
      const window: { Touchpoint?: { inApp?: unknown } } = {};
      new Function('window', 'document', source)(window, { currentScript: null });
      assert.equal(typeof window.Touchpoint?.inApp, 'function');
    });
  });
}
