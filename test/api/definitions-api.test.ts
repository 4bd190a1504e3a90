import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { openTestApp, type TestApp } from '../support/app.js';
import { testWorkspace } from '../support/context.js';
import { DATABASES, newWorkspaceId } from '../support/databases.js';

const ESCALATION = `kind: EscalationRule
spec:
  id: detractor-call
  name: Detractor call
  signal: { segment: usage-collapsed }
  from: [no-touch]
  to: low-touch
  stepBack: { healthyDays: 7 }
---
kind: TaskTemplate
spec:
  id: renewal-call
  type: renewal-call
  title: Renewal call with {account}
  on: { entered: { model: high-touch } }
  dueInDays: 60
`;

for (const database of DATABASES) {
  describe(`definitions API on ${database.name}`, () => {
    let t: TestApp;
    before(async () => (t = await openTestApp(database)));
    after(async () => t.close());

    const client = async () => {
      const ws = await testWorkspace(t.context, newWorkspaceId());
      const call = (method: string, path: string, body?: string, type = 'application/yaml') =>
        t.app.request(path, { method, headers: { ...ws.apiHeaders, 'content-type': type }, body });
      return { ws, call };
    };

    test('escalation rules and task templates are applied as YAML and read back the same', async () => {
      const { call } = await client();
      const applied = await call('PUT', '/api/definitions', ESCALATION);
      assert.equal(applied.status, 200, await applied.clone().text());
      assert.deepEqual((await applied.json()).applied, [{ kind: 'EscalationRule', id: 'detractor-call' }, { kind: 'TaskTemplate', id: 'renewal-call' }]);
      const read = await (await call('GET', '/api/definitions?kind=TaskTemplate')).json();
      assert.deepEqual(read.items.map((d: { spec: { id: string } }) => d.spec.id), ['renewal-call'], 'applied templates replace the shipped ones');
      assert.deepEqual(parseAllDocuments(read.yaml).map((d) => d.toJS()), [parseAllDocuments(ESCALATION)[1]!.toJS()]);
    });

    test('a broken document is refused with its line and path, and nothing is applied', async () => {
      const { call } = await client();
      const broken = ESCALATION.replace('to: low-touch', 'to: concierge').replace('type: renewal-call', 'type: lunch');
      const response = await call('PUT', '/api/definitions', broken);
      assert.equal(response.status, 400);
      const body = await response.json();
      assert.equal(body.error.message, 'nothing was applied: 2 problems');
      assert.deepEqual(body.error.issues.map((i: { path: string }) => i.path), ['line 7: documents.0.spec.to', 'line 13: documents.1.spec.type']);
      const read = await (await call('GET', '/api/definitions?kind=EscalationRule')).json();
      assert.deepEqual(read.items.map((d: { spec: { id: string } }) => d.spec.id), ['usage-collapse', 'ticket-spike', 'unhappy-customer', 'not-activated'], 'the shipped rules are still in force');
    });

    test('validate checks without storing, and JSON carrying YAML is accepted', async () => {
      const { call } = await client();
      const valid = await call('POST', '/api/definitions/validate', JSON.stringify({ yaml: ESCALATION }), 'application/json');
      assert.equal(valid.status, 200);
      assert.equal((await valid.json()).definitions.length, 2);
      const read = await (await call('GET', '/api/definitions?kind=EscalationRule')).json();
      assert.ok(!read.items.some((d: { spec: { id: string } }) => d.spec.id === 'detractor-call'));
      assert.equal((await call('POST', '/api/definitions/validate', JSON.stringify({ text: 'x' }), 'application/json')).status, 400);
    });
  });
}
