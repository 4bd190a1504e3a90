import { gunzipSync } from 'node:zlib';
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { payloadTooLarge, validationError, type FieldIssue } from '../core/errors.js';
import { parseBatchRequest, parseSingleRequest, type ParsedRequest } from '../core/segment-batch.js';
import { MAX_BATCH_BYTES, MAX_MESSAGE_BYTES, type MessageType } from '../core/segment-messages.js';
import type { EngineContext } from '../engine/context.js';
import type { Ingestion } from '../engine/ingest.js';

const SINGLE_TYPES: readonly MessageType[] = ['identify', 'track', 'page', 'screen', 'group', 'alias'];

/**
 * Segment's HTTP Tracking API: `/v1/{identify,track,page,screen,group,alias,batch}`. A 200
 * means every message it reports as stored is committed to disk.
 */
export function ingestionRoutes(context: EngineContext, ingestion: Ingestion): Hono {
  const app = new Hono();
  // Browsers send with `text/plain` to avoid a preflight; both are accepted from any origin.
  app.use('*', cors({ origin: '*', allowHeaders: ['Authorization', 'Content-Type', 'Content-Encoding'], allowMethods: ['POST', 'OPTIONS'], maxAge: 86_400 }));

  const handle = async (c: Context, parse: (body: unknown, receivedAt: number) => ParsedRequest, limit: number) => {
    const receivedAt = context.clock.now();
    const text = await readBody(c, limit);
    const body = parseJson(text);
    const workspaceId = await ingestion.workspaceOfWriteKey(writeKeyOf(c, body));
    const { messages, issues } = parse(body, receivedAt);
    await ingestion.queue.submit(workspaceId, messages);
    if (issues.length > 0) {
      return c.json({ success: false, stored: messages.length, rejected: countRejected(issues), error: { code: 'validation', message: summary(issues), issues } }, 400);
    }
    return c.json({ success: true, stored: messages.length });
  };

  const newMessageId = () => `tp-${context.ids.id()}`;
  app.post('/batch', (c) => handle(c, (body, receivedAt) => parseBatchRequest(body, { receivedAt, newMessageId }), MAX_BATCH_BYTES));
  for (const type of SINGLE_TYPES) {
    app.post(`/${type}`, (c) => handle(c, (body, receivedAt) => parseSingleRequest(body, type, { receivedAt, newMessageId }), MAX_MESSAGE_BYTES));
  }
  // analytics.js posts single calls to /v1/{t,i,p,s,g,a}.
  for (const [short, type] of [['t', 'track'], ['i', 'identify'], ['p', 'page'], ['s', 'screen'], ['g', 'group'], ['a', 'alias']] as const) {
    app.post(`/${short}`, (c) => handle(c, (body, receivedAt) => parseSingleRequest(body, type, { receivedAt, newMessageId }), MAX_MESSAGE_BYTES));
  }
  return app;
}

async function readBody(c: Context, limit: number): Promise<string> {
  const declared = Number(c.req.header('content-length'));
  if (declared > limit * 4) throw payloadTooLarge(`request body is ${declared} bytes; the limit is ${limit} bytes`);
  let bytes = Buffer.from(await c.req.arrayBuffer());
  if ((c.req.header('content-encoding') ?? '').toLowerCase() === 'gzip') {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: limit + 1 });
    } catch {
      throw validationError('request body is not valid gzip, or inflates past the size limit', [{ path: '(body)', message: `must be gzip of at most ${limit} bytes` }]);
    }
  }
  if (bytes.length > limit) {
    throw payloadTooLarge(`request body is ${bytes.length} bytes; the limit is ${limit} bytes (${limit === MAX_BATCH_BYTES ? '500 KB per batch' : '32 KB per message'})`);
  }
  return bytes.toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw validationError('request body is not valid JSON', [{ path: '(body)', message: (error as Error).message }]);
  }
}

/** Segment's convention: the write key is the Basic auth user name; `writeKey` in the body also works. */
function writeKeyOf(c: Context, body: unknown): string | undefined {
  const header = c.req.header('authorization');
  if (header?.toLowerCase().startsWith('basic ')) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const user = decoded.split(':')[0];
    if (user) return user;
  }
  if (body && typeof body === 'object' && 'writeKey' in body && typeof body.writeKey === 'string') return body.writeKey;
  return undefined;
}

/** Messages rejected: distinct `batch.N` prefixes in a batch, the one message otherwise. */
function countRejected(issues: FieldIssue[]): number {
  const indexes = new Set(issues.filter((i) => i.path.startsWith('batch.')).map((i) => i.path.split('.')[1]));
  return indexes.size > 0 ? indexes.size : issues.length > 0 ? 1 : 0;
}

function summary(issues: FieldIssue[]): string {
  const shown = issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ');
  return issues.length > 3 ? `${shown}; and ${issues.length - 3} more` : shown;
}
