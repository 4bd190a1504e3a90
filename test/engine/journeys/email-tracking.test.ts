import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../../src/api/app.js';
import type { JourneyDefinition } from '../../../src/core/journeys/journey-definition.js';
import { createMemoryOutbox, createOutboxSender } from '../../../src/engine/channels/outbox-sender.js';
import { trackedHtml } from '../../../src/engine/channels/email-tracking.js';
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

const definitions = (tracking: string) => `kind: MessageTemplate
spec:
  id: guide
  name: Getting started
  channel: email
  locales:
    en:
      subject: "Getting started"
      html: "<html><body><p>Hi {{ contact.firstName }} – read <a href=\\"https://docs.acme.example/start?a=1&amp;b=2\\">the guide</a>, <a href=\\"mailto:help@acme.example\\">write</a> or <a href=\\"{{ links.unsubscribe }}\\">unsubscribe</a>.</p></body></html>"
      text: "Read https://docs.acme.example/start"
---
kind: Journey
spec:
  id: guide
  name: Guide
  trigger: { api: {} }
  steps:
    - { id: send-guide, email: { template: guide } }
---
kind: DeliveryPolicy
spec:
  id: default
  tracking: ${tracking}
`;

async function sendGuide(store: Store, tracking: string) {
  const clock = new TestClock(Date.UTC(2026, 2, 2, 12));
  const context = testContext(store, clock);
  const ws = await testWorkspace(context, newWorkspaceId());
  await store.writeMessages(ws.workspaceId, messages([{ type: 'identify', userId: 'ann', traits: { name: 'Ann Berg', email: 'ann@acme.example' } }], clock.now()), newId);
  const applied = await applyDefinitions(context, ws.workspaceId, [{ name: 'guide.yaml', text: definitions(tracking) }], 'test');
  assert.ok(applied.ok, JSON.stringify(applied));
  const journey = applied.applied.find((d) => d.kind === 'Journey')!.spec as JourneyDefinition;
  const outbox = createMemoryOutbox();
  const sender = createOutboxSender(outbox, { from: 'Acme <success@acme.example>' });
  const worker = new JourneyWorker(context, { journeys: journeyLookup(context), performers: journeyPerformers(context, sender, { publicUrl: 'http://localhost:3000', webhooks: { allowPrivate: false } }), workspaceIds: [ws.workspaceId] });
  const ann = (await store.contacts.findByUserId(ws.workspaceId, 'ann'))!;
  assert.ok((await startJourneyRun(context, ws.workspaceId, journey, { kind: 'contact', id: ann.id })).started);
  await worker.runOnce();
  const [mail] = outbox.messages();
  assert.ok(mail);
  return { context, ws, ann, html: mail.html };
}

for (const database of DATABASES) {
  describe(`e-mail opens and clicks on ${database.name}`, () => {
    let store: Store;
    before(async () => (store = await openTestStore(database)));
    after(async () => store.close());

    test('an open and a click land on the timeline once each, and a tracked link goes only where the e-mail said', async () => {
      const t = await sendGuide(store, '{ opens: true, clicks: true }');
      const hrefs = [...t.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
      assert.equal(hrefs.length, 3);
      assert.match(hrefs[0]!, /^http:\/\/localhost:3000\/t\/c\//, 'the guide link is tracked');
      assert.equal(hrefs[1], 'mailto:help@acme.example', 'mailto is left alone');
      assert.match(hrefs[2]!, /^http:\/\/localhost:3000\/u\//, 'the unsubscribe link is left alone');
      assert.match(t.html, /Hi Ann – read/, 'text outside the links is kept as written');
      const pixel = /<img src="([^"]+)"/.exec(t.html)?.[1]?.replaceAll('&amp;', '&') ?? '';
      assert.match(pixel, /^http:\/\/localhost:3000\/t\/o\//);
      assert.match(t.html, /<img [^>]*><\/body>/, 'the pixel ends the body');

      const ingestion = new Ingestion(t.context);
      const app = createApp(t.context, ingestion);
      for (let i = 0; i < 2; i++) {
        const image = await app.request(new URL(pixel).pathname);
        assert.equal(image.status, 200);
        assert.equal(image.headers.get('content-type'), 'image/gif');
      }
      const click = await app.request(new URL(hrefs[0]!).pathname);
      assert.equal(click.status, 302);
      assert.equal(click.headers.get('location'), 'https://docs.acme.example/start?a=1&b=2');
      await app.request(new URL(hrefs[0]!).pathname);
      const path = new URL(hrefs[0]!).pathname;
      assert.equal((await app.request(`${path.slice(0, -4)}abcd`)).status, 404, 'an altered link redirects nowhere');
      assert.equal((await app.request(new URL(pixel).pathname.replace('/t/o/', '/t/c/'))).status, 404, 'an open token is no link');
      await ingestion.queue.flush();
      const timeline = await store.timeline.ofContact(t.ws.workspaceId, t.ann.id, { limit: 10 });
      assert.deepEqual(timeline.items.map((i) => i.name).sort(), ['Email Link Clicked', 'Email Opened', 'Email Sent']);
      const clicked = timeline.items.find((i) => i.name === 'Email Link Clicked');
      assert.equal((clicked?.properties as { url?: string }).url, 'https://docs.acme.example/start?a=1&b=2');
      assert.equal(clicked?.channel, 'email');
      await ingestion[Symbol.asyncDispose]();
    });

    test('with tracking off, the HTML goes out as the template wrote it', async () => {
      const t = await sendGuide(store, '{ opens: false, clicks: false }');
      assert.ok(!t.html.includes('/t/'), t.html);
      assert.ok(t.html.includes('href="https://docs.acme.example/start?a=1&amp;b=2"'), t.html);
    });
  });
}

describe('tracked HTML', () => {
  test('a fragment without a body gets the pixel at its end; entities and characters survive', () => {
    const html = trackedHtml('<p>Ærlig talt &lt;b&gt; <a href="https://x.example/?q=a&amp;r=b">x</a></p>', { pixelUrl: 'https://t.example/o', linkUrl: (href) => `https://t.example/c?u=${encodeURIComponent(href)}`, untracked: new Set() });
    assert.equal(html, '<p>Ærlig talt &lt;b&gt; <a href="https://t.example/c?u=https%3A%2F%2Fx.example%2F%3Fq%3Da%26r%3Db">x</a></p><img src="https://t.example/o" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0">');
  });
});
