import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openEmailSender } from '../../../src/engine/channels/email-channel.js';
import { createMemoryOutbox } from '../../../src/engine/channels/outbox-sender.js';
import { applyDefinitions } from '../../../src/engine/definitions/apply-definitions.js';
import { JourneyWorker } from '../../../src/engine/journeys/journey-worker.js';
import { journeyPerformers } from '../../../src/engine/journeys/journey-performers.js';
import { journeyLookup } from '../../../src/engine/journeys/journeys-in-force.js';
import { startJourneyRun } from '../../../src/engine/journeys/start-journey-run.js';
import type { JourneyDefinition } from '../../../src/core/journeys/journey-definition.js';
import type { Store } from '../../../src/store/store.js';
import { TestClock, testContext } from '../../support/context.js';
import { DATABASES, newWorkspaceId, openTestStore } from '../../support/databases.js';
import { messages, newId } from '../../support/messages.js';
import { startSmtpSink } from '../channels/smtp-sink.js';

const DAY = 86_400_000;

const DEFINITIONS = `kind: MessageTemplate
spec:
  id: welcome
  name: Welcome
  channel: email
  defaultLocale: en
  locales:
    en: { subject: "Welcome to {{ account.name }}, {{ contact.firstName }}", html: "<p>Hi {{ contact.firstName }}</p>", text: "Hi {{ contact.firstName }}" }
    nb: { subject: "Velkommen til {{ account.name }}, {{ contact.firstName }}", html: "<p>Hei {{ contact.firstName }}</p>", text: "Hei {{ contact.firstName }}" }
---
kind: Journey
spec:
  id: welcome
  name: Welcome
  trigger: { api: {} }
  steps:
    - { id: hello, email: { template: welcome } }
    - { id: two-days, wait: { for: { days: 2 } } }
    - { id: follow-up, task: { type: check-in, title: Follow up on the welcome, dueInDays: 1 } }
`;

const TRAIT_THEN_EMAIL = `kind: MessageTemplate
spec:
  id: tier
  name: Tier
  channel: email
  defaultLocale: en
  locales:
    en: { subject: "{{ contact.firstName }} of {{ account.name }} is on {{ contact.traits.tier | default: 'no tier' }}", html: "<p>{{ contact.traits.tier }}</p>", text: "{{ contact.traits.tier }}" }
---
kind: Journey
spec:
  id: tier
  name: Tier
  trigger: { api: {} }
  steps:
    - { id: mark, setTrait: { name: tier, value: gold } }
    - { id: tell, email: { template: tier } }
---
kind: Journey
spec:
  id: plain
  name: Plain
  trigger: { api: {} }
  steps:
    - { id: tell, email: { template: tier } }
`;

for (const database of DATABASES) {
  describe(`a journey sends e-mail through SMTP on ${database.name}`, () => {
    let store: Store;
    before(async () => (store = await openTestStore(database)));
    after(async () => store.close());

    test('each contact gets the template in their locale once, and the run goes on after its wait', async () => {
      const clock = new TestClock(Date.UTC(2026, 2, 2, 9));
      const context = testContext(store, clock);
      const ws = newWorkspaceId();
      await store.workspaces.ensure(ws, ws, clock.now());
      await store.writeMessages(ws, messages([
        { type: 'identify', userId: 'ann', traits: { email: 'ann@acme.example', name: 'Ann Berg', locale: 'nb-NO' } },
        { type: 'identify', userId: 'bob', traits: { email: 'bob@acme.example', name: 'Bob Stone', locale: 'en-GB' } },
        { type: 'group', userId: 'ann', groupId: 'acme', traits: { name: 'Acme' } },
        { type: 'group', userId: 'bob', groupId: 'acme', traits: {} },
      ], clock.now()), newId);
      const applied = await applyDefinitions(context, ws, [{ name: 'welcome.yaml', text: DEFINITIONS }], 'test');
      assert.ok(applied.ok, JSON.stringify(applied));
      const journey = applied.applied.find((d) => d.kind === 'Journey')!.spec as JourneyDefinition;

      await using sink = await startSmtpSink({ user: 'touchpoint', password: 'secret' });
      await using sender = openEmailSender({ smtpUrl: `smtp://touchpoint:secret@127.0.0.1:${sink.port}`, from: 'Acme Success <success@acme.example>' }, createMemoryOutbox());
      const worker = new JourneyWorker(context, { journeys: journeyLookup(context), performers: journeyPerformers(context, sender, { publicUrl: 'http://localhost:3000', webhooks: { allowPrivate: false } }), workspaceIds: [ws] });
      for (const userId of ['ann', 'bob']) {
        const contact = await store.contacts.findByUserId(ws, userId);
        assert.ok((await startJourneyRun(context, ws, journey, { kind: 'contact', id: contact!.id })).started);
      }
      await worker.runOnce();
      await worker.runOnce();
      assert.deepEqual(sink.received.map((r) => r.mail.subject).sort(), ['Velkommen til Acme, Ann', 'Welcome to Acme, Bob']);
      assert.equal(sink.received.find((r) => r.envelope.to[0] === 'ann@acme.example')?.mail.text?.trim(), 'Hei Ann');

      clock.advance(2 * DAY);
      await worker.runOnce();
      const tasks = await store.tasks.list(ws, { groupId: 'acme', limit: 10 }, clock.now());
      assert.deepEqual(tasks.map((t) => t.title), ['Follow up on the welcome', 'Follow up on the welcome']);
      assert.equal(sink.received.length, 2, 'nothing was sent twice');
    });

    test('contacts and accounts are read for the batch, and a trait set earlier in the batch is in the e-mail after it', async () => {
      const clock = new TestClock(Date.UTC(2026, 2, 2, 9));
      const context = testContext(store, clock);
      const ws = newWorkspaceId();
      await store.workspaces.ensure(ws, ws, clock.now());
      await store.writeMessages(ws, messages([
        { type: 'identify', userId: 'ann', traits: { email: 'ann@acme.example', name: 'Ann Berg' } },
        { type: 'identify', userId: 'bob', traits: { email: 'bob@globex.example', name: 'Bob Stone', tier: 'silver' } },
        { type: 'identify', userId: 'cid', traits: { email: 'cid@acme.example', name: 'Cid Lund' } },
        { type: 'group', userId: 'ann', groupId: 'acme', traits: { name: 'Acme' } },
        { type: 'group', userId: 'bob', groupId: 'globex', traits: { name: 'Globex' } },
        { type: 'group', userId: 'cid', groupId: 'acme', traits: {} },
      ], clock.now()), newId);
      const applied = await applyDefinitions(context, ws, [{ name: 'tier.yaml', text: TRAIT_THEN_EMAIL }], 'test');
      assert.ok(applied.ok, JSON.stringify(applied));
      const byId = (id: string) => applied.applied.find((d) => d.kind === 'Journey' && d.spec.id === id)!.spec as JourneyDefinition;

      await using sink = await startSmtpSink({ user: 'touchpoint', password: 'secret' });
      await using sender = openEmailSender({ smtpUrl: `smtp://touchpoint:secret@127.0.0.1:${sink.port}`, from: 'Acme Success <success@acme.example>' }, createMemoryOutbox());
      const worker = new JourneyWorker(context, { journeys: journeyLookup(context), performers: journeyPerformers(context, sender, { publicUrl: 'http://localhost:3000', webhooks: { allowPrivate: false } }), workspaceIds: [ws] });
      const runs: [string, string][] = [['ann', 'tier'], ['bob', 'plain'], ['cid', 'plain']];
      for (const [userId, journeyId] of runs) {
        const contact = await store.contacts.findByUserId(ws, userId);
        assert.ok((await startJourneyRun(context, ws, byId(journeyId), { kind: 'contact', id: contact!.id })).started);
      }
      const pass = await worker.runOnce();
      assert.equal(pass.performed, 4, 'one batch: the trait and three e-mails');
      assert.deepEqual(sink.received.map((r) => r.mail.subject).sort(), ['Ann of Acme is on gold', 'Bob of Globex is on silver', 'Cid of Acme is on no tier']);
    });
  });
}
