import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { notFound, validationError } from '../core/errors.js';
import { parseSegmentMessage, type SegmentMessage } from '../core/segment-messages.js';
import type { EngineContext } from '../engine/context.js';
import type { Ingestion } from '../engine/ingest.js';
import { IN_APP_SNIPPET } from './in-app-snippet.js';

/**
 * `/v1/in-app`: what a product calls, with its write key, to show a contact the in-app
 * messages journeys left for them — `GET /messages?userId=` (or `anonymousId=`), then
 * `POST /messages/{id}/seen` and `/dismissed` — and the browser snippet that does it
 * (`/snippet.js`). The write key goes as `?writeKey=` or in the JSON body, so a browser sends
 * simple requests with no preflight. Seeing and dismissing are `In-App Message Viewed` and
 * `In-App Message Dismissed` events, ingested like any other.
 *
 * A write key is public (it sits in a web page), so whoever knows a contact's id can read
 * their in-app messages: put nothing in them that only the contact may see.
 */
export function inAppRoutes(context: EngineContext, ingestion: Ingestion): Hono {
  const app = new Hono();
  app.use('*', cors({ origin: '*', allowMethods: ['GET', 'POST', 'OPTIONS'], allowHeaders: ['Content-Type'], maxAge: 86_400 }));

  app.get('/snippet.js', (c) => c.body(IN_APP_SNIPPET, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=300' }));

  app.get('/messages', async (c) => {
    const workspaceId = await ingestion.workspaceOfWriteKey(c.req.query('writeKey'));
    const contact = await contactOf(context, workspaceId, { userId: c.req.query('userId'), anonymousId: c.req.query('anonymousId') });
    const items = contact ? await context.store.inAppMessages.open(workspaceId, contact.id, 20) : [];
    return c.json({ messages: items.map((m) => ({ id: m.id, title: m.title, body: m.body, locale: m.locale, createdAt: new Date(m.createdAt).toISOString(), seen: m.status === 'seen' })) });
  });

  for (const as of ['seen', 'dismissed'] as const) {
    app.post(`/messages/:id/${as}`, async (c) => {
      const body = await readJson(c);
      const workspaceId = await ingestion.workspaceOfWriteKey(typeof body['writeKey'] === 'string' ? body['writeKey'] : c.req.query('writeKey'));
      const who = { userId: text(body['userId']), anonymousId: text(body['anonymousId']) };
      const contact = await contactOf(context, workspaceId, who);
      const now = context.clock.now();
      const before = contact ? await context.store.inAppMessages.mark(workspaceId, contact.id, c.req.param('id'), as, now) : undefined;
      if (!before) throw notFound(`in-app message ${c.req.param('id')} of this contact`);
      const changed = as === 'seen' ? before.status === 'pending' : before.status !== 'dismissed';
      if (changed) {
        const event = as === 'seen' ? 'In-App Message Viewed' : 'In-App Message Dismissed';
        await ingestion.queue.submit(workspaceId, [message({ type: 'track', ...(who.userId ? { userId: who.userId } : { anonymousId: who.anonymousId }), event, properties: { messageId: before.id, journeyId: before.journeyId, template: before.templateId, channel: 'in_app' } }, now)]);
      }
      return c.json({ id: before.id, status: as });
    });
  }
  return app;
}

async function contactOf(context: EngineContext, workspaceId: string, who: { userId?: string; anonymousId?: string }) {
  const id = who.userId || who.anonymousId;
  if (!id) throw validationError('name the contact', [{ path: 'userId', message: 'give userId or anonymousId' }]);
  return context.store.contacts.findByUserId(workspaceId, id);
}

async function readJson(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw validationError('the request body must be a JSON object', [{ path: '(body)', message: 'must be a JSON object such as { "userId": "..." }' }]);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function message(raw: Record<string, unknown>, now: number): SegmentMessage {
  const result = parseSegmentMessage({ ...raw, messageId: `in-app-${randomUUID()}`, timestamp: new Date(now).toISOString() }, { receivedAt: now, newMessageId: randomUUID });
  if (!result.ok) throw validationError('invalid in-app event', result.issues);
  return result.message;
}
