import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { openTestApp, post, type TestApp } from '../support/app.js';
import { testWorkspace } from '../support/context.js';
import { DATABASES, newWorkspaceId } from '../support/databases.js';

for (const database of DATABASES) {
  describe(`Segment ingestion API on ${database.name}`, () => {
    let t: TestApp;
    before(async () => (t = await openTestApp(database)));
    after(async () => t.close());

    const workspace = () => testWorkspace(t.context, newWorkspaceId());
    const timelineOf = async (ws: Awaited<ReturnType<typeof workspace>>, userId: string) => {
      const response = await t.app.request(`/api/contacts/${userId}/timeline`, { headers: ws.apiHeaders });
      return (await response.json()) as { items: { name: string; messageId: string }[] };
    };

    test('each single-message endpoint stores its call and answers success', async () => {
      const ws = await workspace();
      for (const [path, body] of [
        ['/v1/identify', { userId: 'u1', traits: { email: 'u1@x.com' } }],
        ['/v1/group', { userId: 'u1', groupId: 'g1', traits: { name: 'G1' } }],
        ['/v1/track', { userId: 'u1', event: 'Signed Up' }],
        ['/v1/page', { userId: 'u1', name: 'Home' }],
        ['/v1/screen', { userId: 'u1', name: 'Dashboard' }],
        ['/v1/alias', { userId: 'u1', previousId: 'anon-1' }],
      ] as const) {
        const response = await post(t.app, path, body, ws.ingestHeaders);
        assert.equal(response.status, 200, path);
        assert.deepEqual(await response.json(), { success: true, stored: 1 });
      }
      assert.deepEqual((await timelineOf(ws, 'u1')).items.map((e) => e.name), ['Dashboard', 'Home', 'Signed Up']);
    });

    test('a batch with bad messages answers 400 naming each, and stores the good ones', async () => {
      const ws = await workspace();
      const response = await post(t.app, '/v1/batch', {
        batch: [
          { type: 'track', userId: 'u1', event: 'Good One' },
          { type: 'track', event: 'No Person' },
          { type: 'track', userId: 'u1' },
          { type: 'track', userId: 'u1', event: 'Bad Time', timestamp: '31/01/2026' },
          { type: 'track', userId: 'u1', event: 'Good Two' },
        ],
      }, ws.ingestHeaders);
      assert.equal(response.status, 400);
      const body = (await response.json()) as { stored: number; rejected: number; error: { issues: { path: string }[] } };
      assert.equal(body.stored, 2);
      assert.equal(body.rejected, 3);
      assert.deepEqual(body.error.issues.map((i) => i.path), ['batch.1.userId', 'batch.2.event', 'batch.3.timestamp']);
      assert.deepEqual((await timelineOf(ws, 'u1')).items.map((e) => e.name).sort(), ['Good One', 'Good Two']);
    });

    test('text no database can store is refused by name, and the rest of the batch is kept', async () => {
      const ws = await workspace();
      const response = await post(t.app, '/v1/batch', {
        batch: [
          { type: 'track', userId: 'u1', event: 'Kept' },
          { type: 'track', userId: 'u1', event: 'Nul', properties: { note: 'a\u0000b' } },
          { type: 'identify', userId: 'u1', traits: { name: 'broken \ud800 surrogate' } },
          { type: 'track', userId: 'u1', event: 'Deep', properties: { deep: JSON.parse('['.repeat(1000) + ']'.repeat(1000)) } },
        ],
      }, ws.ingestHeaders);
      assert.equal(response.status, 400);
      const body = (await response.json()) as { stored: number; error: { issues: { path: string }[] } };
      assert.deepEqual(body.error.issues.map((i) => i.path), ['batch.1.properties.note', 'batch.2.traits.name', `batch.3.properties.deep${'.0'.repeat(31)}`]);
      assert.equal(body.stored, 1);
      assert.deepEqual((await timelineOf(ws, 'u1')).items.map((e) => e.name), ['Kept']);
    });

    test('a message nested too deep to serialise is refused, not a server error', async () => {
      const ws = await workspace();
      const deep = '['.repeat(16_000) + ']'.repeat(16_000);
      const body = `{"batch":[{"type":"track","userId":"u1","event":"Fine"},{"type":"track","userId":"u1","event":"Deep","properties":{"x":${deep}}}]}`;
      const response = await post(t.app, '/v1/batch', body, ws.ingestHeaders);
      assert.equal(response.status, 400);
      const result = (await response.json()) as { stored: number; error: { issues: { path: string; message: string }[] } };
      assert.deepEqual(result.error.issues, [{ path: 'batch.1', message: 'nests deeper than 32 levels' }]);
      assert.equal(result.stored, 1);
    });

    test('a retried batch is stored once', async () => {
      const ws = await workspace();
      const batch = { batch: [{ type: 'track', userId: 'u1', event: 'Once', messageId: 'retry-me' }] };
      for (let i = 0; i < 3; i++) assert.equal((await post(t.app, '/v1/batch', batch, ws.ingestHeaders)).status, 200);
      assert.equal((await timelineOf(ws, 'u1')).items.length, 1);
    });

    test('a batch over 500 KB and a message over 32 KB are refused with the reason', async () => {
      const ws = await workspace();
      const big = { batch: Array.from({ length: 20 }, (_, i) => ({ type: 'track', userId: 'u', event: 'E', messageId: `big-${i}`, properties: { blob: 'x'.repeat(30_000) } })) };
      const tooBig = await post(t.app, '/v1/batch', big, ws.ingestHeaders);
      assert.equal(tooBig.status, 400);
      assert.match(((await tooBig.json()) as { error: { message: string } }).error.message, /500 KB per batch/);
      const single = await post(t.app, '/v1/track', { userId: 'u', event: 'E', properties: { blob: 'x'.repeat(40_000) } }, ws.ingestHeaders);
      assert.equal(single.status, 400);
      assert.match(((await single.json()) as { error: { message: string } }).error.message, /32 KB per message/);
      const oneBigInBatch = await post(t.app, '/v1/batch', { batch: [{ type: 'track', userId: 'u', event: 'Fine' }, { type: 'track', userId: 'u', event: 'E', properties: { blob: 'x'.repeat(33_000) } }] }, ws.ingestHeaders);
      assert.equal(oneBigInBatch.status, 400);
      assert.equal(((await oneBigInBatch.json()) as { stored: number }).stored, 1);
    });

    test('malformed JSON is a 400 that says so', async () => {
      const ws = await workspace();
      const response = await post(t.app, '/v1/track', '{"userId": "u", ', ws.ingestHeaders);
      assert.equal(response.status, 400);
      assert.match(((await response.json()) as { error: { message: string } }).error.message, /not valid JSON/);
    });

    test('the write key may come in the body; a missing or unknown key is a 401', async () => {
      const ws = await workspace();
      assert.equal((await post(t.app, '/v1/track', { userId: 'u', event: 'E', writeKey: ws.writeKey }, { 'content-type': 'application/json' })).status, 200);
      assert.equal((await post(t.app, '/v1/track', { userId: 'u', event: 'E' }, { 'content-type': 'application/json' })).status, 401);
      const wrong = 'Basic ' + Buffer.from('wk_nope:').toString('base64');
      assert.equal((await post(t.app, '/v1/track', { userId: 'u', event: 'E' }, { authorization: wrong })).status, 401);
    });

    test('browsers may send text/plain bodies and get CORS headers, preflight included', async () => {
      const ws = await workspace();
      const response = await post(t.app, '/v1/t', { userId: 'b1', event: 'Clicked', writeKey: ws.writeKey }, { 'content-type': 'text/plain', origin: 'https://shop.example' });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      const preflight = await t.app.request('/v1/batch', { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
      assert.equal(preflight.status, 204);
      assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
    });

    test('gzip request bodies are accepted', async () => {
      const ws = await workspace();
      const body = gzipSync(JSON.stringify({ batch: [{ type: 'track', userId: 'gz', event: 'Zipped' }] }));
      const response = await t.app.request('/v1/batch', { method: 'POST', body, headers: { ...ws.ingestHeaders, 'content-encoding': 'gzip' } });
      assert.equal(response.status, 200);
      assert.equal((await timelineOf(ws, 'gz')).items.length, 1);
    });

    test('an acknowledged event is in the timeline at once', async () => {
      const ws = await workspace();
      await post(t.app, '/v1/track', { userId: 'now', event: 'Seen', messageId: 'seen-1' }, ws.ingestHeaders);
      assert.deepEqual((await timelineOf(ws, 'now')).items.map((e) => e.messageId), ['seen-1']);
    });
  });
}
