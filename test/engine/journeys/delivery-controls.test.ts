import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../../src/api/app.js';
import type { JourneyDefinition } from '../../../src/core/journeys/journey-definition.js';
import { openEmailSender } from '../../../src/engine/channels/email-channel.js';
import { createMemoryOutbox } from '../../../src/engine/channels/outbox-sender.js';
import type { EngineContext } from '../../../src/engine/context.js';
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
import { startSmtpSink, type SmtpSink } from '../channels/smtp-sink.js';

const DAY = 86_400_000;
const MINUTE = 60_000;

const policy = (spec: string) => `kind: DeliveryPolicy
spec:
  id: default
${spec}`;

const DEFINITIONS = `kind: MessageTemplate
spec:
  id: news
  name: News
  channel: email
  defaultLocale: en
  locales:
    en: { subject: "News for {{ contact.firstName }}", html: "<p>Hi {{ contact.firstName }}</p><p><a href=\\"{{ links.unsubscribe }}\\">Unsubscribe</a></p>", text: "Hi {{ contact.firstName }}. Unsubscribe: {{ links.unsubscribe }}" }
---
kind: Journey
spec:
  id: news
  name: News twice
  trigger: { api: {} }
  steps:
    - { id: first, email: { template: news } }
    - { id: a-day, wait: { for: { days: 1 } } }
    - { id: second, email: { template: news } }
---
kind: Journey
spec:
  id: burst
  name: Three at once
  trigger: { api: {} }
  steps:
    - { id: one, email: { template: news } }
    - { id: two, email: { template: news } }
    - { id: three, email: { template: news } }
---
kind: Journey
spec:
  id: receipts
  name: Three receipts at once
  trigger: { api: {} }
  steps:
    - { id: one, email: { template: news, transactional: true } }
    - { id: two, email: { template: news, transactional: true } }
    - { id: three, email: { template: news, transactional: true } }
`;

/** A workspace with contacts in two time zones, one whose server refuses its address, and the journeys above under `policySpec`. */
async function setUp(store: Store, clock: TestClock, policySpec: string) {
  const context = testContext(store, clock);
  const ws = await testWorkspace(context, newWorkspaceId());
  const people = [
    ['ann', 'Ann Berg', 'ann@acme.example', 'Europe/Oslo'],
    ['bob', 'Bob Stone', 'bob@acme.example', 'America/New_York'],
    ['cyd', 'Cyd Moss', 'gone@acme.example', 'Europe/Oslo'],
    ['dee', 'Dee Lund', 'dee@acme.example', 'Europe/Oslo'],
  ] as const;
  await store.writeMessages(ws.workspaceId, messages(people.map(([userId, name, email, timezone]) => ({ type: 'identify', userId, traits: { name, email, timezone } })), clock.now()), newId);
  const applied = await applyDefinitions(context, ws.workspaceId, [{ name: 'news.yaml', text: DEFINITIONS }, { name: 'policy.yaml', text: policy(policySpec) }], 'test');
  assert.ok(applied.ok, JSON.stringify(applied));
  const journeys = new Map(applied.applied.flatMap((d) => (d.kind === 'Journey' ? [[d.spec.id, d.spec as JourneyDefinition] as const] : [])));
  const sink = await startSmtpSink({ user: 'touchpoint', password: 'secret', refuseRecipient: (address) => (address === 'gone@acme.example' ? 550 : null) });
  const sender = openEmailSender({ smtpUrl: `smtp://touchpoint:secret@127.0.0.1:${sink.port}`, from: 'Acme <success@acme.example>' }, createMemoryOutbox());
  const worker = new JourneyWorker(context, { journeys: journeyLookup(context), performers: journeyPerformers(context, sender, { publicUrl: 'http://localhost:3000', webhooks: { allowPrivate: false } }), workspaceIds: [ws.workspaceId] });
  const contactId = async (userId: string) => (await store.contacts.findByUserId(ws.workspaceId, userId))!.id;
  const start = async (journey: string, userId: string) => assert.ok((await startJourneyRun(context, ws.workspaceId, journeys.get(journey)!, { kind: 'contact', id: await contactId(userId) })).started);
  const receivedBy = (address: string) => sink.received.filter((r) => r.envelope.to.includes(address)).length;
  return {
    context, ws, sink, worker, start, contactId, receivedBy,
    async [Symbol.asyncDispose]() {
      await sender[Symbol.asyncDispose]();
      await sink[Symbol.asyncDispose]();
    },
  };
}

const statuses = async (context: EngineContext, workspaceId: string, contactId: string) => (await context.store.delivery.messages(workspaceId, { contactId, limit: 50 })).map((m) => m.status).sort();

for (const database of DATABASES) {
  describe(`delivery controls on ${database.name}`, () => {
    let store: Store;
    before(async () => (store = await openTestStore(database)));
    after(async () => store.close());

    test('a contact who unsubscribes by the link, and one whose address bounced, get no more e-mail', async () => {
      const clock = new TestClock(Date.UTC(2026, 2, 2, 11));
      await using t = await setUp(store, clock, '  rateLimits: {}');
      await t.start('news', 'ann');
      await t.start('news', 'cyd');
      await t.worker.runOnce();

      assert.equal(t.receivedBy('ann@acme.example'), 1);
      assert.equal(t.receivedBy('gone@acme.example'), 0, 'the server refused it');
      const bounced = await store.delivery.suppression(t.ws.workspaceId, 'Gone@Acme.example');
      assert.equal(bounced?.reason, 'bounced');
      assert.deepEqual(await statuses(t.context, t.ws.workspaceId, await t.contactId('cyd')), ['bounced']);

      // The message carries the contact's own link, in the body and in the headers mailbox providers read.
      const mail = t.sink.received[0]!.mail;
      const header = (name: string) => mail.headerLines.find((h) => h.key === name)?.line.replace(/\r\n\s+/g, ' ') ?? '';
      const link = /<(http[^>]+)>/.exec(header('list-unsubscribe'))?.[1] ?? '';
      assert.ok(link.startsWith('http://localhost:3000/u/'), header('list-unsubscribe'));
      assert.equal(header('list-unsubscribe-post'), 'List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      assert.ok(mail.text?.includes(link), `the text part links the same address: ${mail.text}`);

      const ingestion = new Ingestion(t.context);
      const app = createApp(t.context, ingestion);
      const path = new URL(link).pathname;
      const asked = await app.request(path);
      assert.equal(asked.status, 200);
      assert.match(await asked.text(), /ann@acme\.example/);
      assert.equal(await store.delivery.suppression(t.ws.workspaceId, 'ann@acme.example'), undefined, 'opening the link only asks');
      assert.equal((await app.request(path.slice(0, -3) + 'xyz')).status, 404, 'an altered link does nothing');

      const oneClick = await app.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
      assert.equal(oneClick.status, 200);
      await ingestion.queue.flush();
      assert.equal((await store.delivery.suppression(t.ws.workspaceId, 'ann@acme.example'))?.reason, 'unsubscribed');
      const ann = (await store.contacts.findByUserId(t.ws.workspaceId, 'ann'))!;
      assert.equal(ann.traits['unsubscribed'], true);
      const timeline = await store.timeline.ofContact(t.ws.workspaceId, ann.id, { limit: 10 });
      assert.deepEqual(timeline.items.map((i) => i.name).sort(), ['Email Sent', 'Unsubscribed']);

      clock.advance(DAY);
      await t.worker.runOnce();
      assert.equal(t.receivedBy('ann@acme.example'), 1, 'nothing after unsubscribing');
      assert.equal(t.sink.received.length, 1);
      assert.deepEqual(await statuses(t.context, t.ws.workspaceId, ann.id), ['sent', 'suppressed']);
      assert.deepEqual(await statuses(t.context, t.ws.workspaceId, await t.contactId('cyd')), ['bounced', 'suppressed']);
      const ledger = await store.journeys.effects.list(t.ws.workspaceId);
      assert.ok(ledger.every((e) => e.status === 'done'), JSON.stringify(ledger));
      await ingestion[Symbol.asyncDispose]();
    });

    test("quiet hours in the contact's time zone put e-mail off until they end; the frequency cap skips what is over it", async () => {
      // 21:30 UTC: 22:30 in Oslo (quiet), 16:30 in New York.
      const clock = new TestClock(Date.UTC(2026, 2, 2, 21, 30));
      await using t = await setUp(store, clock, "  quietHours: { from: '21:00', to: '08:00' }\n  frequencyCap: { messages: 2, days: 7 }");
      await t.start('burst', 'ann');
      await t.start('burst', 'bob');
      await t.worker.runOnce();
      assert.equal(t.receivedBy('bob@acme.example'), 2, 'two of three: the cap');
      assert.equal(t.receivedBy('ann@acme.example'), 0, 'night in Oslo');
      assert.deepEqual(await statuses(t.context, t.ws.workspaceId, await t.contactId('bob')), ['capped', 'sent', 'sent']);
      const waiting = (await store.journeys.effects.list(t.ws.workspaceId)).filter((e) => e.status === 'pending');
      assert.equal(waiting.length, 3);
      // 08:00 in Oslo on 3 March is 07:00 UTC; putting off is no failed attempt.
      assert.ok(waiting.every((e) => e.nextAttemptAt === Date.UTC(2026, 2, 3, 7) && e.attempts === 0), JSON.stringify(waiting));

      clock.set(Date.UTC(2026, 2, 3, 6, 59));
      await t.worker.runOnce();
      assert.equal(t.receivedBy('ann@acme.example'), 0);
      clock.set(Date.UTC(2026, 2, 3, 7));
      await t.worker.runOnce();
      assert.equal(t.receivedBy('ann@acme.example'), 2, 'at 08:00 in Oslo, as many as the cap allows');

      // A week later, in the afternoon in New York, the cap has room again.
      clock.set(Date.UTC(2026, 2, 10, 16));
      await t.start('news', 'bob');
      await t.worker.runOnce();
      assert.equal(t.receivedBy('bob@acme.example'), 3);
    });

    test('transactional e-mail reaches the unsubscribed, at night and over the cap, without List-Unsubscribe; never a bounced address', async () => {
      // 22:30 in Oslo: quiet hours.
      const clock = new TestClock(Date.UTC(2026, 2, 2, 21, 30));
      await using t = await setUp(store, clock, "  quietHours: { from: '21:00', to: '08:00' }\n  frequencyCap: { messages: 2, days: 7 }");
      await store.writeMessages(t.ws.workspaceId, messages([{ type: 'identify', userId: 'ann', traits: { unsubscribed: true } }], clock.now()), newId);
      await store.delivery.suppress(t.ws.workspaceId, [{ address: 'ann@acme.example', reason: 'unsubscribed' }, { address: 'gone@acme.example', reason: 'bounced' }], 'test', clock.now());
      await t.start('receipts', 'ann');
      await t.start('receipts', 'cyd');
      await t.start('news', 'dee');
      await t.worker.runOnce();

      assert.equal(t.receivedBy('ann@acme.example'), 3, 'unsubscribed from mailings, at night, over the cap of two');
      assert.equal(t.receivedBy('gone@acme.example'), 0);
      assert.deepEqual(await statuses(t.context, t.ws.workspaceId, await t.contactId('cyd')), ['suppressed', 'suppressed', 'suppressed']);
      assert.equal(t.receivedBy('dee@acme.example'), 0, 'marketing e-mail still waits for the morning');
      for (const { mail } of t.sink.received) {
        assert.equal(mail.headerLines.find((h) => h.key === 'list-unsubscribe'), undefined);
        assert.match(mail.text ?? '', /Unsubscribe: http:\/\/localhost:3000\/u\//, 'the template may still link it');
      }
    });

    test("a channel's rate limit puts the rest off to the next minute, none lost and none twice", async () => {
      const clock = new TestClock(Date.UTC(2026, 2, 2, 12, 0, 30));
      await using t = await setUp(store, clock, '  rateLimits: { email: { perMinute: 2 } }');
      for (const userId of ['ann', 'bob', 'dee']) await t.start('burst', userId);
      await t.worker.runOnce();
      assert.equal(t.sink.received.length, 2);
      clock.advance(MINUTE / 2);
      await t.worker.runOnce();
      assert.equal(t.sink.received.length, 4);
      for (let minute = 0; minute < 5; minute++) {
        clock.advance(MINUTE);
        await t.worker.runOnce();
      }
      assert.equal(t.sink.received.length, 9, 'three e-mails to each of three contacts');
      assert.equal(new Set(t.sink.received.map((r) => r.mail.messageId)).size, 9);
      assert.ok((await store.journeys.effects.list(t.ws.workspaceId)).every((e) => e.status === 'done'));
    });
  });
}
