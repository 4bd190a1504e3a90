import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SegmentDefinition } from '../../src/core/segments/segment-definition.js';
import { SHIPPED_DEFINITIONS } from '../../src/engine/definitions/effective-definitions.js';
import { openTestApp, post, type TestApp } from '../support/app.js';
import { testWorkspace } from '../support/context.js';
import { DATABASES, newWorkspaceId } from '../support/databases.js';

const SHIPPED_SEGMENT_IDS = SHIPPED_DEFINITIONS.flatMap((d) => (d.kind === 'Segment' ? [d.spec.id] : []));

const enterprise: SegmentDefinition = {
  id: 'enterprise',
  name: 'Enterprise accounts',
  subject: 'account',
  condition: { trait: { name: 'plan', op: 'eq', value: 'enterprise' } },
};

for (const database of DATABASES) {
  describe(`segments API on ${database.name}`, () => {
    let t: TestApp;
    before(async () => (t = await openTestApp(database)));
    after(async () => t.close());

    const seeded = async () => {
      const ws = await testWorkspace(t.context, newWorkspaceId());
      const batch = [
        { type: 'identify', userId: 'ann', traits: { email: 'ann@acme.com', name: 'Ann' } },
        { type: 'group', userId: 'ann', groupId: 'acme', traits: { name: 'Acme', plan: 'enterprise', mrr: 9000 } },
        { type: 'group', userId: 'bob', groupId: 'bolt', traits: { name: 'Bolt', plan: 'starter', mrr: 90 } },
        { type: 'group', userId: 'cy', groupId: 'cogs', traits: { name: 'Cogs', plan: 'enterprise', mrr: 4000 } },
      ];
      assert.equal((await post(t.app, '/v1/batch', { batch }, ws.ingestHeaders)).status, 200);
      const json = { ...ws.apiHeaders, 'content-type': 'application/json' };
      const request = (method: string, path: string, body?: unknown) =>
        t.app.request(path, { method, headers: body === undefined ? ws.apiHeaders : json, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
      const read = async (path: string) => (await request('GET', path)).json();
      return { ...ws, request, read };
    };

    test('a new segment is created with 201, its members can be read at once, and the shipped segments stay in force', async () => {
      const ws = await seeded();
      const created = await ws.request('POST', '/api/segments', enterprise);
      assert.equal(created.status, 201);
      assert.deepEqual(await created.json(), { segment: enterprise, memberCount: 2 });
      const members = await ws.read('/api/segments/enterprise/members');
      assert.deepEqual(members.items, ['acme', 'cogs']);
      assert.deepEqual(members.subjects, [
        { id: 'acme', name: 'Acme', detail: 'enterprise', key: 'acme' },
        { id: 'cogs', name: 'Cogs', detail: 'enterprise', key: 'cogs' },
      ]);
      assert.deepEqual(await ws.read('/api/segments/enterprise'), { segment: enterprise, memberCount: 2 });
      const list = await ws.read('/api/segments');
      assert.deepEqual(list.items.map((s: { id: string }) => s.id).sort(), [...SHIPPED_SEGMENT_IDS, 'enterprise'].sort());
      assert.equal(list.memberCounts.enterprise, 2);
    });

    test('creating a segment whose id is taken is a 409, a shipped id included', async () => {
      const ws = await seeded();
      assert.equal((await ws.request('POST', '/api/segments', enterprise)).status, 201);
      const again = await ws.request('POST', '/api/segments', { ...enterprise, name: 'Again' });
      assert.equal(again.status, 409);
      assert.equal((await again.json()).error.message, 'segment enterprise already exists');
      assert.equal((await ws.request('POST', '/api/segments', { ...enterprise, id: 'detractors' })).status, 409);
      assert.equal((await ws.read('/api/segments/enterprise')).segment.name, 'Enterprise accounts');
    });

    test('PUT creates a segment, then replaces it, and the history records who entered and left', async () => {
      const ws = await seeded();
      assert.equal((await ws.request('PUT', '/api/segments/enterprise', enterprise)).status, 201);
      const starter = { ...enterprise, name: 'Starter accounts', condition: { trait: { name: 'plan', op: 'eq', value: 'starter' } } };
      const replaced = await ws.request('PUT', '/api/segments/enterprise', starter);
      assert.equal(replaced.status, 200);
      assert.deepEqual(await replaced.json(), { segment: starter, memberCount: 1 });
      assert.deepEqual((await ws.read('/api/segments/enterprise/members')).items, ['bolt']);
      const history = await ws.read('/api/segments/enterprise/history');
      assert.deepEqual(history.items.map((i: { subjectId: string; change: string }) => `${i.change} ${i.subjectId}`).sort(), ['entered acme', 'entered bolt', 'entered cogs', 'exited acme', 'exited cogs']);
      assert.deepEqual(history.subjects.map((s: { name: string }) => s.name).sort(), ['Acme', 'Bolt', 'Cogs']);
    });

    test('PUT refuses a body whose id is not the one in the path', async () => {
      const ws = await seeded();
      const response = await ws.request('PUT', '/api/segments/other', enterprise);
      assert.equal(response.status, 400);
      assert.deepEqual((await response.json()).error.issues, [{ path: 'id', message: 'must be other, the id in the path' }]);
      assert.equal((await ws.request('GET', '/api/segments/other')).status, 404);
    });

    test('an invalid definition is a 400 whose issues name each field, and nothing is stored', async () => {
      const ws = await seeded();
      const response = await ws.request('POST', '/api/segments', { ...enterprise, condition: { all: [{ trait: { name: 'plan', op: 'is' } }] } });
      assert.equal(response.status, 400);
      const [issue] = (await response.json()).error.issues;
      assert.equal(issue.path, 'condition.all.0.trait.op');
      assert.match(issue.message, /^must be one of eq, neq, /);
      assert.equal((await ws.request('GET', '/api/segments/enterprise')).status, 404);
      const notJson = await ws.request('POST', '/api/segments', '{ nope');
      assert.equal(notJson.status, 400);
    });

    test('a reference to a segment that does not exist is refused at its field, and so is a cycle', async () => {
      const ws = await seeded();
      const dangling = await ws.request('POST', '/api/segments', { ...enterprise, condition: { all: [enterprise.condition, { segment: { id: 'ghosts' } }] } });
      assert.equal(dangling.status, 400);
      assert.deepEqual((await dangling.json()).error.issues, [{ path: 'condition.all.1.segment.id', message: 'refers to segment ghosts, which does not exist' }]);
      assert.equal((await ws.request('POST', '/api/segments', enterprise)).status, 201);
      const big = { id: 'big-enterprise', name: 'Big', subject: 'account', condition: { all: [{ segment: { id: 'enterprise' } }, { trait: { name: 'mrr', op: 'gte', value: 5000 } }] } };
      assert.equal((await ws.request('POST', '/api/segments', big)).status, 201);
      assert.deepEqual((await ws.read('/api/segments/big-enterprise/members')).items, ['acme']);
      const cycle = await ws.request('PUT', '/api/segments/enterprise', { ...enterprise, condition: { segment: { id: 'big-enterprise' } } });
      assert.equal(cycle.status, 400);
      assert.deepEqual((await cycle.json()).error.issues, [{ path: 'condition', message: 'segments refer to each other in a cycle: big-enterprise -> enterprise -> big-enterprise' }]);
    });

    test('deleting a segment answers 204, removes its members and keeps its history readable', async () => {
      const ws = await seeded();
      await ws.request('POST', '/api/segments', enterprise);
      t.clock.advance(60_000);
      const deleted = await ws.request('DELETE', '/api/segments/enterprise');
      assert.equal(deleted.status, 204);
      assert.equal((await ws.request('GET', '/api/segments/enterprise')).status, 404);
      assert.equal((await ws.request('GET', '/api/segments/enterprise/members')).status, 404);
      assert.deepEqual(await t.store.segmentMemberships.members(ws.workspaceId, 'enterprise'), []);
      const history = await ws.read('/api/segments/enterprise/history');
      assert.deepEqual(history.items.map((i: { subjectId: string; change: string }) => `${i.change} ${i.subjectId}`), ['exited cogs', 'exited acme', 'entered cogs', 'entered acme']);
      assert.equal((await ws.request('DELETE', '/api/segments/enterprise')).status, 404);
      assert.equal((await ws.request('GET', '/api/segments/never-was/history')).status, 404);
      // Made again under the same id, it starts from nobody: everyone enters anew.
      assert.equal((await ws.request('POST', '/api/segments', enterprise)).status, 201);
      assert.equal((await ws.read('/api/segments/enterprise')).memberCount, 2);
    });

    test('deleting one shipped segment keeps the other shipped segments in force', async () => {
      const ws = await seeded();
      assert.equal((await ws.request('DELETE', '/api/segments/detractors')).status, 204);
      const ids = (await ws.read('/api/segments')).items.map((s: { id: string }) => s.id).sort();
      assert.deepEqual(ids, SHIPPED_SEGMENT_IDS.filter((id) => id !== 'detractors').sort());
    });

    test('a segment in use is not deleted, and the 409 says what uses it', async () => {
      const ws = await seeded();
      const activated = await ws.request('DELETE', '/api/segments/activated');
      assert.equal(activated.status, 409);
      assert.match((await activated.json()).error.message, /^segment activated is used by .*engagement model hybrid-onboarding \(phase onboarding\)/);
      await ws.request('POST', '/api/segments', enterprise);
      await ws.request('POST', '/api/segments', { id: 'not-enterprise', name: 'Others', subject: 'account', condition: { segment: { id: 'enterprise', in: false } } });
      const used = await ws.request('DELETE', '/api/segments/enterprise');
      assert.equal(used.status, 409);
      assert.equal((await used.json()).error.message, 'segment enterprise is used by segment not-enterprise');
      assert.equal((await ws.read('/api/segments/enterprise')).memberCount, 2);
    });

    test('the last stored segment of a workspace is not deleted, so the shipped ones do not come back unasked', async () => {
      const ws = await seeded();
      await t.store.definitions.saveAll(ws.workspaceId, [{ kind: 'Segment', spec: enterprise as SegmentDefinition }], 'test', t.clock.now());
      const response = await ws.request('DELETE', '/api/segments/enterprise');
      assert.equal(response.status, 409);
      assert.match((await response.json()).error.message, /last segment/);
    });

    test('a preview names its sample members', async () => {
      const ws = await seeded();
      const preview = await (await ws.request('POST', '/api/segments/preview', enterprise)).json();
      assert.equal(preview.count, 2);
      assert.deepEqual(preview.subjects.map((s: { name: string }) => s.name), ['Acme', 'Cogs']);
    });

    test('contact members link by their userId', async () => {
      const ws = await seeded();
      const named = { id: 'named-ann', name: 'Ann', subject: 'contact', condition: { trait: { name: 'name', op: 'eq', value: 'Ann' } } };
      assert.equal((await ws.request('POST', '/api/segments', named)).status, 201);
      const members = await ws.read('/api/segments/named-ann/members');
      assert.deepEqual(members.subjects.map((s: { name: string; detail: string; key: string }) => [s.name, s.detail, s.key]), [['Ann', 'ann@acme.com', 'ann']]);
    });
  });
}
