import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { definitionsToYaml } from '../../src/core/definitions/definition-documents.js';
import type { AssignmentRules } from '../../src/core/models/assignment.js';
import type { EngagementModel } from '../../src/core/models/engagement-model.js';
import { applyDefinitions } from '../../src/engine/definitions/apply-definitions.js';
import { assignModels } from '../../src/engine/models/assign-models.js';
import { addUser } from '../../src/engine/users.js';
import { openTestApp, post, type TestApp } from '../support/app.js';
import { testWorkspace } from '../support/context.js';
import { DATABASES, newWorkspaceId } from '../support/databases.js';

const accounts = [
  { groupId: 'acme', traits: { name: 'Acme', arr: 84_000 } },
  { groupId: 'bigco', traits: { name: 'BigCo', arr: 30_000 } },
  { groupId: 'midco', traits: { name: 'MidCo', mrr: 500 } },
  { groupId: 'tiny', traits: { name: 'Tiny', mrr: 20 } },
];

// The workspace's own models, with round costs so every figure can be checked by hand.
const cost = (hours: number, perContact: number) => ({ csmHoursPerAccountMonth: hours, hourlyCost: 100, automationCostPerContactMonth: perContact });
const models: EngagementModel[] = [
  { id: 'dedicated', name: 'Dedicated', description: '', costToServe: cost(8, 0), phases: [{ id: 'dedicated', name: 'Dedicated', touch: 'high', activities: [] }] },
  {
    id: 'guided', name: 'Guided', description: '', costToServe: cost(1, 0),
    phases: [
      { id: 'onboarding', name: 'Onboarding', touch: 'high', activities: [], costToServe: cost(3, 0), until: { maxDays: 60 } },
      { id: 'steady', name: 'Steady', touch: 'low', activities: [] },
    ],
  },
  { id: 'self-serve', name: 'Self-serve', description: '', costToServe: cost(0, 5), phases: [{ id: 'self-serve', name: 'Self-serve', touch: 'none', activities: [] }] },
];
const contractValue = (value: number) => ({ trait: { name: 'contractValue', op: 'gte' as const, value } });
const initial: AssignmentRules = {
  rules: [{ id: 'big', model: 'dedicated', when: contractValue(50_000) }, { id: 'mid', model: 'guided', when: contractValue(20_000) }],
  defaultModel: 'self-serve',
};
/** Dedicated only from 90,000 (Acme drops to guided), and guided for anyone paying 100 a month (MidCo gets it). */
const draft: AssignmentRules = {
  rules: [
    { id: 'big', model: 'dedicated', when: contractValue(90_000) },
    { id: 'mid', model: 'guided', when: contractValue(20_000) },
    { id: 'paying', model: 'guided', when: { trait: { name: 'mrr', op: 'gte', value: 100 } } },
  ],
  defaultModel: 'self-serve',
};

const broken = { rules: [{ id: 'odd', model: 'dedicated', when: { trait: { name: 'mrr', op: 'most', value: 1 } } }, { id: 'lost', model: 'no-such-model', when: { all: [] } }], defaultModel: 'self-serve' };

for (const database of DATABASES) {
  describe(`assignment rules through the REST API on ${database.name}`, () => {
    let t: TestApp;
    before(async () => (t = await openTestApp(database)));
    after(async () => t.close());

    const seeded = async () => {
      const ws = await testWorkspace(t.context, newWorkspaceId());
      const batch = accounts.map((a) => ({ type: 'group', userId: `u-${a.groupId}`, groupId: a.groupId, traits: a.traits }));
      assert.equal((await post(t.app, '/v1/batch', { batch }, ws.ingestHeaders)).status, 200);
      const yaml = definitionsToYaml([...models.map((spec) => ({ kind: 'EngagementModel' as const, spec })), { kind: 'AssignmentRules', spec: initial }]);
      assert.ok((await applyDefinitions(t.context, ws.workspaceId, [{ name: 'models.yaml', text: yaml }], 'test')).ok);
      await assignModels(t.context, ws.workspaceId, 'first run');
      t.clock.advance(60_000);
      const json = { ...ws.apiHeaders, 'content-type': 'application/json' };
      const get = async (path: string, headers: Record<string, string> = ws.apiHeaders) => (await t.app.request(path, { headers })).json();
      const put = (body: unknown, headers: Record<string, string> = json) => t.app.request('/api/models/rules', { method: 'PUT', body: JSON.stringify(body), headers });
      const modelOf = async (groupId: string) => (await t.context.store.accountModels.find(ws.workspaceId, groupId))?.modelId;
      return { ...ws, json, get, put, modelOf };
    };

    const logIn = async (workspaceId: string) => {
      const email = `lead-${workspaceId}@example.com`;
      await addUser(t.context, { workspaceId, email, password: 'correct horse', role: 'manager' });
      const login = await post(t.app, '/auth/login', { email, password: 'correct horse' }, { 'content-type': 'application/json' });
      return { email, cookie: (login.headers.get('set-cookie') ?? '').split(';')[0]! };
    };

    test('the what-if shows the moves, the matrix and the economics before and after, and changes nothing', async () => {
      const ws = await seeded();
      const response = await post(t.app, '/api/models/what-if', draft, ws.json);
      assert.equal(response.status, 200);
      const preview = await response.json();
      assert.equal(preview.accounts, 4);
      assert.equal(preview.moved, 2);
      assert.deepEqual(preview.matrix, [
        { from: 'dedicated', to: 'guided', count: 1 },
        { from: 'guided', to: 'guided', count: 1 },
        { from: 'self-serve', to: 'guided', count: 1 },
        { from: 'self-serve', to: 'self-serve', count: 1 },
      ]);
      assert.deepEqual(preview.sample.map((s: { groupId: string; name: string; from: string; to: string; mrr: number }) => [s.groupId, s.name, s.from, s.to, s.mrr]), [
        ['acme', 'Acme', 'dedicated', 'guided', 7000],
        ['midco', 'MidCo', 'self-serve', 'guided', 500],
      ]);
      assert.equal(preview.sample[0].reason, 'guided because contractValue is 84000 (required: at least 20000) (rule mid)');
      assert.equal(preview.sample[1].reason, 'guided because mrr is 500 (required: at least 100) (rule paying)');
      // Before: Acme 8 h x 100 = 800, BigCo onboarding 3 h x 100 = 300, MidCo and Tiny 5 a contact.
      // After: Acme and MidCo start guided at onboarding, 300 each.
      assert.deepEqual(preview.before.total, { accounts: 4, revenue: 10_020, cost: 1110, margin: 8910, costShare: 1110 / 10_020 });
      assert.deepEqual(preview.after.total, { accounts: 4, revenue: 10_020, cost: 905, margin: 9115, costShare: 905 / 10_020 });
      assert.deepEqual(preview.after.models, [
        { modelId: 'dedicated', economics: { accounts: 0, revenue: 0, cost: 0, margin: 0, costShare: null } },
        { modelId: 'guided', economics: { accounts: 3, revenue: 10_000, cost: 900, margin: 9100, costShare: 0.09 } },
        { modelId: 'self-serve', economics: { accounts: 1, revenue: 20, cost: 5, margin: 15, costShare: 0.25 } },
      ]);

      assert.equal(await ws.modelOf('acme'), 'dedicated');
      assert.equal(await ws.modelOf('midco'), 'self-serve');
      assert.deepEqual(await ws.get('/api/models/rules'), { rules: initial, shipped: false });
      assert.deepEqual(await ws.get('/api/models/rules/history'), { items: [] });
      assert.equal((await t.context.store.accountModels.history(ws.workspaceId, 'acme')).length, 1);
    });

    test('applying moves the accounts, records each move with the person and an audit row of the rules', async () => {
      const ws = await seeded();
      const lead = await logIn(ws.workspaceId);
      const preview = await (await post(t.app, '/api/models/what-if', draft, ws.json)).json();
      const response = await ws.put(draft, { cookie: lead.cookie, 'content-type': 'application/json' });
      assert.equal(response.status, 200);
      const applied = await response.json();
      assert.equal(applied.moved, 2);
      assert.deepEqual(applied.matrix, preview.matrix);
      assert.equal(applied.change.summary, '2 accounts moved: 2 to guided');
      assert.equal(applied.change.changedBy, lead.email);

      assert.equal(await ws.modelOf('acme'), 'guided');
      assert.equal(await ws.modelOf('midco'), 'guided');
      assert.equal(await ws.modelOf('tiny'), 'self-serve');
      const history = await ws.get('/api/accounts/acme/model-history');
      assert.deepEqual(history.items.map((h: { fromModel: string | null; toModel: string; changedBy: string }) => [h.fromModel, h.toModel, h.changedBy]), [
        ['dedicated', 'guided', lead.email],
        [null, 'dedicated', 'first run'],
      ]);
      assert.equal(history.items[0].reason, 'assignment rules changed: guided because contractValue is 84000 (required: at least 20000) (rule mid)');
      // The account's current reason explains its model, without the history's preamble.
      assert.equal((await ws.get('/api/accounts/acme')).model.reason, 'guided because contractValue is 84000 (required: at least 20000) (rule mid)');
      assert.equal((await t.context.store.accountModels.history(ws.workspaceId, 'bigco')).length, 1);

      assert.deepEqual(await ws.get('/api/models/rules'), { rules: draft, shipped: false });
      const audit = await ws.get('/api/models/rules/history');
      assert.deepEqual(audit.items.map((i: { kind: string; definitionId: string; changedBy: string; changedAt: number; summary: string }) => [i.kind, i.definitionId, i.changedBy, i.changedAt, i.summary]), [
        ['AssignmentRules', 'default', lead.email, t.clock.now(), '2 accounts moved: 2 to guided'],
      ]);
      assert.deepEqual(audit.items[0].previousSpec, initial);
      assert.deepEqual(audit.items[0].spec, draft);

      // The models page now shows what the preview promised.
      const { models } = await ws.get('/api/models');
      for (const { modelId, economics } of preview.after.models) assert.deepEqual(models.find((m: { model: { id: string } }) => m.model.id === modelId).economics, economics);
    });

    test('a program applying with an API token is recorded as api, and applying the same rules again moves nobody', async () => {
      const ws = await seeded();
      assert.equal((await ws.put(draft)).status, 200);
      t.clock.advance(60_000);
      const again = await (await ws.put(draft)).json();
      assert.equal(again.moved, 0);
      const audit = await ws.get('/api/models/rules/history');
      assert.deepEqual(audit.items.map((i: { changedBy: string; summary: string }) => [i.changedBy, i.summary]), [
        ['api', 'no account moved'],
        ['api', '2 accounts moved: 2 to guided'],
      ]);
      assert.deepEqual(audit.items[0].previousSpec, draft);
      const history = await ws.get('/api/accounts/midco/model-history');
      assert.deepEqual(history.items.map((h: { changedBy: string }) => h.changedBy), ['api', 'first run']);
    });

    test('moves per day count the accounts that changed model, by the model they went to', async () => {
      const ws = await seeded();
      assert.deepEqual((await ws.get('/api/models/moves?days=7')).items, [], 'a first assignment is not a move');
      t.clock.advance(86_400_000);
      await ws.put(draft);
      const today = Math.floor(t.clock.now() / 86_400_000) * 86_400_000;
      const moves = await ws.get('/api/models/moves?days=7');
      assert.equal(moves.to - moves.from, 7 * 86_400_000);
      assert.deepEqual(moves.items, [
        { day: today, modelId: 'guided', count: 2 },
      ]);
      assert.equal((await t.app.request('/api/models/moves?days=0', { headers: ws.apiHeaders })).status, 400);
    });

    test('a broken rule set is a 400 naming each path, in the what-if and on apply, and nothing changes', async () => {
      const ws = await seeded();
      for (const response of [await post(t.app, '/api/models/what-if', broken, ws.json), await ws.put(broken)]) {
        assert.equal(response.status, 400);
        const { error } = await response.json();
        assert.equal(error.code, 'validation');
        assert.deepEqual(error.issues.map((i: { path: string }) => i.path), ['rules.0.when.trait.op', 'rules.1.model']);
      }
      const unknownSegment = await ws.put({ rules: [{ id: 'fans', model: 'dedicated', when: { segment: { id: 'no-such-segment' } } }], defaultModel: 'self-serve' });
      assert.equal(unknownSegment.status, 400);
      assert.deepEqual((await unknownSegment.json()).error.issues, [{ path: 'rules.0.when', message: 'refers to segment no-such-segment, which does not exist' }]);
      const notJson = await t.app.request('/api/models/rules', { method: 'PUT', body: 'rules: [', headers: ws.json });
      assert.equal(notJson.status, 400);

      assert.deepEqual(await ws.get('/api/models/rules'), { rules: initial, shipped: false });
      assert.deepEqual(await ws.get('/api/models/rules/history'), { items: [] });
      assert.equal(await ws.modelOf('acme'), 'dedicated');
      assert.equal((await t.context.store.accountModels.history(ws.workspaceId, 'acme')).length, 1);
    });
  });
}
