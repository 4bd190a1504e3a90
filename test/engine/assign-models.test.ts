import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { definitionsToYaml } from '../../src/core/definitions/definition-documents.js';
import { SHIPPED_RULES } from '../../src/core/models/shipped-rules.js';
import { applyDefinitions } from '../../src/engine/definitions/apply-definitions.js';
import { SHIPPED_DEFINITIONS } from '../../src/engine/definitions/effective-definitions.js';
import { assignModels } from '../../src/engine/models/assign-models.js';
import { assignmentInput, computeAssignments } from '../../src/engine/models/compute-assignments.js';
import { openTestApp, post, type TestApp } from '../support/app.js';
import { testWorkspace } from '../support/context.js';
import { DATABASES, newWorkspaceId } from '../support/databases.js';

const accounts = [
  { groupId: 'acme', traits: { name: 'Acme', arr: 84_000, complexity: 'high' } },
  { groupId: 'bigco', traits: { name: 'BigCo', arr: 30_000, complexity: 'low' } },
  { groupId: 'midco', traits: { name: 'MidCo', mrr: 500, complexity: 'medium' } },
  { groupId: 'tiny', traits: { name: 'Tiny', mrr: 20 } },
];

for (const database of DATABASES) {
  describe(`assigning engagement models on ${database.name}`, () => {
    let t: TestApp;
    before(async () => (t = await openTestApp(database)));
    after(async () => t.close());

    const seeded = async () => {
      const ws = await testWorkspace(t.context, newWorkspaceId());
      const batch = accounts.map((a) => ({ type: 'group', userId: `u-${a.groupId}`, groupId: a.groupId, traits: a.traits }));
      assert.equal((await post(t.app, '/v1/batch', { batch }, ws.ingestHeaders)).status, 200);
      return ws;
    };

    test('every account gets a model by the first matching rule, with a readable reason', async () => {
      const ws = await seeded();
      const summary = await assignModels(t.context, ws.workspaceId, 'test');
      assert.deepEqual(summary, { accounts: 4, changed: 4, perModel: { 'high-touch': 1, 'hybrid-onboarding': 1, 'hybrid-escalating': 1, 'no-touch': 1 } });
      const acme = await (await t.app.request('/api/accounts/acme', { headers: ws.apiHeaders })).json();
      assert.equal(acme.model.modelId, 'high-touch');
      assert.equal(acme.model.phaseId, 'onboarding');
      assert.equal(acme.model.reason, 'high-touch because contractValue is 84000 (required: at least 50000) and complexity is "high" (required: equals "high") (rule enterprise-high-touch)');
      const tiny = await t.context.store.accountModels.find(ws.workspaceId, 'tiny');
      assert.match(tiny!.reason, /^no-touch by default/);
      assert.equal((await t.context.store.accountModels.find(ws.workspaceId, 'bigco'))?.phaseId, 'onboarding');
    });

    test('computing assignments decides every account and explains on request, writing nothing', async () => {
      const ws = await seeded();
      const input = assignmentInput(SHIPPED_DEFINITIONS);
      const computed = await computeAssignments(t.context, ws.workspaceId, input, t.clock.now());
      assert.deepEqual([...computed.decisions], [
        ['acme', { modelId: 'high-touch', ruleId: 'enterprise-high-touch' }],
        ['bigco', { modelId: 'hybrid-onboarding', ruleId: 'large-contract-onboarding' }],
        ['midco', { modelId: 'hybrid-escalating', ruleId: 'complex-product-escalating' }],
        ['tiny', { modelId: 'no-touch', ruleId: null }],
      ]);
      assert.match((await computed.explain('acme')).reason, /^high-touch because contractValue is 84000/);
      assert.equal((await computed.explain('tiny')).reason, 'no-touch by default: no rule matched');
      assert.deepEqual(await t.context.store.accountModels.list(ws.workspaceId), []);
    });

    test('the models economics add up to a hand-computed example', async () => {
      const ws = await seeded();
      await assignModels(t.context, ws.workspaceId, 'test');
      const { models } = await (await t.app.request('/api/models', { headers: ws.apiHeaders })).json();
      const row = (id: string) => models.find((m: { model: { id: string } }) => m.model.id === id).economics;
      // acme: MRR 84,000 / 12 = 7,000; high-touch onboarding 12 h x 75 + 2 x 1 contact = 902
      assert.deepEqual(row('high-touch'), { accounts: 1, revenue: 7000, cost: 902, margin: 6098, costShare: 902 / 7000 });
      // bigco: MRR 2,500, onboarding phase 6 h x 75 + 1.5 x 1 = 451.5
      assert.deepEqual(row('hybrid-onboarding'), { accounts: 1, revenue: 2500, cost: 451.5, margin: 2048.5, costShare: 451.5 / 2500 });
      // midco: 1 h x 75 + 1.5 = 76.5; tiny: 0.5 per contact
      assert.deepEqual(row('hybrid-escalating'), { accounts: 1, revenue: 500, cost: 76.5, margin: 423.5, costShare: 76.5 / 500 });
      assert.deepEqual(row('no-touch'), { accounts: 1, revenue: 20, cost: 0.5, margin: 19.5, costShare: 0.5 / 20 });
      assert.deepEqual(row('low-touch'), { accounts: 0, revenue: 0, cost: 0, margin: 0, costShare: null });
    });

    test('a draft segment is previewed with its count and a sample, and a broken one is refused by path', async () => {
      const ws = await seeded();
      const preview = (definition: object) => post(t.app, '/api/segments/preview', definition, { ...ws.apiHeaders, 'content-type': 'application/json' });
      const ok = await preview({ id: 'big', name: 'Big', subject: 'account', condition: { trait: { name: 'contractValue', op: 'gte', value: 20000 } } });
      assert.equal(ok.status, 200);
      assert.deepEqual(await ok.json().then((b: { count: number; sample: string[] }) => [b.count, b.sample]), [2, ['acme', 'bigco']]);
      const broken = await preview({ id: 'Big', name: 'Big', subject: 'account', condition: { trait: { name: 'mrr', op: 'most' } } });
      assert.equal(broken.status, 400);
      assert.deepEqual((await broken.json()).error.issues.map((i: { path: string }) => i.path).sort(), ['condition.trait.op', 'id']);
      const listed = await (await t.app.request('/api/segments', { headers: ws.apiHeaders })).json();
      assert.equal(listed.items.length, SHIPPED_DEFINITIONS.filter((d) => d.kind === 'Segment').length);
    });

    test('assigning again changes nothing and adds no history', async () => {
      const ws = await seeded();
      await assignModels(t.context, ws.workspaceId, 'test');
      assert.equal((await assignModels(t.context, ws.workspaceId, 'test')).changed, 0);
      assert.equal((await t.context.store.accountModels.history(ws.workspaceId, 'acme')).length, 1);
    });

    test('changed rules move accounts, and the history shows both decisions with who and why', async () => {
      const ws = await seeded();
      await assignModels(t.context, ws.workspaceId, 'first run');
      t.clock.advance(60_000);
      const stricter = { ...SHIPPED_RULES, rules: SHIPPED_RULES.rules.map((r) => (r.id === 'enterprise-high-touch' ? { ...r, when: { all: [{ trait: { name: 'contractValue', op: 'gte' as const, value: 90_000 } }] } } : r)) };
      const applied = await applyDefinitions(t.context, ws.workspaceId, [{ name: 'rules.yaml', text: definitionsToYaml([{ kind: 'AssignmentRules', spec: stricter }]) }], 'test');
      assert.ok(applied.ok);
      const summary = await assignModels(t.context, ws.workspaceId, 'rules changed');
      assert.equal(summary.changed, 1);
      const history = await (await t.app.request('/api/accounts/acme/model-history', { headers: ws.apiHeaders })).json();
      assert.deepEqual(history.items.map((h: { fromModel: string | null; toModel: string; changedBy: string }) => [h.fromModel, h.toModel, h.changedBy]), [
        ['high-touch', 'hybrid-onboarding', 'rules changed'],
        [null, 'high-touch', 'first run'],
      ]);
      assert.match(history.items[0].reason, /contractValue is 84000 \(required: at least 20000\)/);
    });
  });
}
