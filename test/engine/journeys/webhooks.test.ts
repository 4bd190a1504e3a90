import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../../src/api/app.js';
import { verifyWebhookSignature } from '../../../src/core/delivery/webhook-signature.js';
import type { JourneyDefinition } from '../../../src/core/journeys/journey-definition.js';
import { createOutboxSender, createMemoryOutbox } from '../../../src/engine/channels/outbox-sender.js';
import { isPrivateAddress, publicOnlyLookup, WebhookTargetRefused } from '../../../src/engine/channels/webhook-target.js';
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

const MINUTE = 60_000;

/** A real HTTP server that answers with the statuses it is given, in turn (200 once they run out), and keeps what it received. */
async function startReceiver() {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const answers: (number | 'hang')[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      const answer = answers.shift() ?? 200;
      if (answer === 'hang') return; // never answers: the sender's timeout ends it
      res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer === 200 ? 'ok' : `no: ${answer}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/touchpoint`;
  return {
    url, received, answers,
    async [Symbol.asyncDispose]() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const journeyYaml = (id: string, url: string) => `kind: Journey
spec:
  id: ${id}
  name: Tell the CRM
  trigger: { api: {} }
  steps:
    - { id: notify, webhook: { url: "${url}", body: { text: "Ann needs a call", priority: 2 } } }
`;

async function setUp(store: Store, clock: TestClock, urls: Record<string, string>, allowPrivate: boolean) {
  const context = testContext(store, clock);
  const ws = await testWorkspace(context, newWorkspaceId());
  await store.writeMessages(ws.workspaceId, messages([{ type: 'identify', userId: 'ann', traits: { name: 'Ann Berg', email: 'ann@acme.example', plan: 'pro' } }], clock.now()), newId);
  const applied = await applyDefinitions(context, ws.workspaceId, Object.entries(urls).map(([id, url]) => ({ name: `${id}.yaml`, text: journeyYaml(id, url) })), 'test');
  assert.ok(applied.ok, JSON.stringify(applied));
  const journeys = new Map(applied.applied.flatMap((d) => (d.kind === 'Journey' ? [[d.spec.id, d.spec as JourneyDefinition] as const] : [])));
  const sender = createOutboxSender(createMemoryOutbox(), { from: 'Acme <success@acme.example>' });
  const worker = new JourneyWorker(context, {
    journeys: journeyLookup(context),
    performers: journeyPerformers(context, sender, { publicUrl: 'http://localhost:3000', webhooks: { allowPrivate, timeoutMs: 300 } }),
    workspaceIds: [ws.workspaceId],
  });
  const ann = (await store.contacts.findByUserId(ws.workspaceId, 'ann'))!;
  const start = async (id: string) => {
    const started = await startJourneyRun(context, ws.workspaceId, journeys.get(id)!, { kind: 'contact', id: ann.id });
    assert.ok(started.started);
    return started.run.id;
  };
  return { context, ws, worker, ann, start };
}

for (const database of DATABASES) {
  describe(`journey webhooks on ${database.name}`, () => {
    let store: Store;
    before(async () => (store = await openTestStore(database)));
    after(async () => store.close());

    test('a webhook arrives signed, with the subject and the step body, once', async () => {
      const clock = new TestClock(Date.UTC(2026, 2, 2, 12));
      await using receiver = await startReceiver();
      const t = await setUp(store, clock, { crm: receiver.url }, true);
      const runId = await t.start('crm');
      await t.worker.runOnce();
      await t.worker.runOnce();

      assert.equal(receiver.received.length, 1);
      const { headers, body } = receiver.received[0]!;
      const secret = await store.delivery.secret(t.ws.workspaceId, 'webhooks', () => 'unused', clock.now());
      assert.ok(verifyWebhookSignature(secret, String(headers['touchpoint-signature']), body, clock.now()), String(headers['touchpoint-signature']));
      assert.ok(!verifyWebhookSignature(secret, String(headers['touchpoint-signature']), body.replace('Ann needs', 'Bob needs'), clock.now()), 'an altered body fails');
      assert.ok(!verifyWebhookSignature(secret, String(headers['touchpoint-signature']), body, clock.now() + 10 * MINUTE), 'a replay later fails');
      const payload = JSON.parse(body) as { id: string; journey: { id: string; runId: string }; subject: unknown; contact: { email: string; traits: { plan: string } }; data: unknown };
      assert.equal(headers['idempotency-key'], payload.id);
      assert.equal(headers['content-type'], 'application/json');
      assert.deepEqual(payload.journey, { id: 'crm', name: 'Tell the CRM', step: 'notify', runId });
      assert.deepEqual(payload.subject, { kind: 'contact', id: t.ann.id });
      assert.equal(payload.contact.email, 'ann@acme.example');
      assert.equal(payload.contact.traits.plan, 'pro');
      assert.deepEqual(payload.data, { text: 'Ann needs a call', priority: 2 });
      const [log] = await store.delivery.messages(t.ws.workspaceId, { limit: 5 });
      assert.deepEqual([log?.channel, log?.status, log?.address], ['webhook', 'sent', receiver.url]);
    });

    test('a failing receiver is retried with growing delays; a refusal is dead at once, listed, and can be retried', async () => {
      const clock = new TestClock(Date.UTC(2026, 2, 2, 12));
      await using receiver = await startReceiver();
      const t = await setUp(store, clock, { crm: receiver.url }, true);
      receiver.answers.push(503, 'hang', 200);
      await t.start('crm');
      await t.worker.runOnce();
      assert.equal(receiver.received.length, 1);
      let [effect] = await store.journeys.effects.list(t.ws.workspaceId, { kind: 'webhook' });
      assert.equal(effect?.status, 'failed');
      assert.match(effect?.lastError ?? '', /HTTP 503: no: 503/);
      clock.advance(MINUTE);
      await t.worker.runOnce();
      [effect] = await store.journeys.effects.list(t.ws.workspaceId, { kind: 'webhook' });
      assert.match(effect?.lastError ?? '', /no answer within 300 ms/);
      clock.advance(MINUTE); // the second retry is due two minutes after the second failure
      await t.worker.runOnce();
      assert.equal(receiver.received.length, 2);
      clock.advance(MINUTE);
      await t.worker.runOnce();
      assert.equal(receiver.received.length, 3);
      assert.equal(new Set(receiver.received.map((r) => r.headers['idempotency-key'])).size, 1, 'every attempt carries the same key');
      [effect] = await store.journeys.effects.list(t.ws.workspaceId, { kind: 'webhook' });
      assert.equal(effect?.status, 'done');

      receiver.answers.push(422);
      const other = await setUp(store, clock, { crm: receiver.url }, true);
      await other.start('crm');
      await other.worker.runOnce();
      const app = createApp(other.context, new Ingestion(other.context));
      const dead = (await (await app.request('/api/effects?status=dead', { headers: other.ws.apiHeaders })).json()) as { items: { key: string; lastError: string }[] };
      assert.equal(dead.items.length, 1);
      assert.match(dead.items[0]!.lastError, /refused the request: HTTP 422/);
      const retried = await app.request(`/api/effects/${encodeURIComponent(dead.items[0]!.key)}/retry`, { method: 'POST', headers: other.ws.apiHeaders });
      assert.equal(retried.status, 200);
      assert.equal((await app.request(`/api/effects/${encodeURIComponent(dead.items[0]!.key)}/retry`, { method: 'POST', headers: other.ws.apiHeaders })).status, 404, 'pending now, not dead');
      await other.worker.runOnce();
      assert.equal((await store.journeys.effects.list(other.ws.workspaceId, { kind: 'webhook' }))[0]?.status, 'done');
    });

    test('private and loopback targets are refused unless allowed, and nothing reaches them', async () => {
      const clock = new TestClock(Date.UTC(2026, 2, 2, 12));
      await using receiver = await startReceiver();
      const port = new URL(receiver.url).port;
      const targets = { loopback: receiver.url, named: `http://localhost:${port}/`, ipv6: `http://[::1]:${port}/`, lan: 'http://10.1.2.3/', metadata: 'http://169.254.169.254/latest/meta-data/' };
      const t = await setUp(store, clock, targets, false);
      for (const id of Object.keys(targets)) await t.start(id);
      await t.worker.runOnce();
      assert.equal(receiver.received.length, 0);
      const effects = await store.journeys.effects.list(t.ws.workspaceId, { kind: 'webhook' });
      assert.equal(effects.length, 5);
      for (const effect of effects) {
        assert.equal(effect.status, 'dead');
        assert.match(effect.lastError ?? '', /private or loopback address; set TOUCHPOINT_WEBHOOK_ALLOW_PRIVATE=true to allow it/);
      }
    });
  });
}

describe('which webhook targets are private', () => {
  test('loopback, private, link-local, shared and mapped addresses are; public ones are not', () => {
    for (const address of ['127.0.0.1', '10.0.0.8', '172.20.1.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1']) {
      assert.ok(isPrivateAddress(address), address);
    }
    for (const address of ['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '::ffff:93.184.216.34']) assert.ok(!isPrivateAddress(address), address);
  });

  test('a name that resolves to a loopback address is refused when connecting', async () => {
    const error = await new Promise<unknown>((resolve) => publicOnlyLookup('localhost', {}, (e) => resolve(e)));
    assert.ok(error instanceof WebhookTargetRefused, String(error));
  });
});
