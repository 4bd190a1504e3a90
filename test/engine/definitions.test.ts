import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { definitionsToYaml, formatDocumentIssue } from '../../src/core/definitions/definition-documents.js';
import { applyDefinitions } from '../../src/engine/definitions/apply-definitions.js';
import { effectiveDefinitions, SHIPPED_DEFINITIONS } from '../../src/engine/definitions/effective-definitions.js';
import { definitionId } from '../../src/store/definitions.js';
import type { Store } from '../../src/store/store.js';
import { testContext } from '../support/context.js';
import { DATABASES, newWorkspaceId, openTestStore } from '../support/databases.js';

const segment = (id: string, condition: object) => `kind: Segment\nspec:\n  id: ${id}\n  name: ${id}\n  subject: contact\n  condition: ${JSON.stringify(condition)}\n`;

for (const database of DATABASES) {
  describe(`applying definitions on ${database.name}`, () => {
    let store: Store;
    before(async () => (store = await openTestStore(database)));
    after(async () => store.close());

    test('a workspace without definitions has the shipped ones in force', async () => {
      const context = testContext(store);
      assert.deepEqual(await effectiveDefinitions(context, newWorkspaceId()), SHIPPED_DEFINITIONS);
    });

    test('export, edit and apply round-trips without loss', async () => {
      const context = testContext(store);
      const ws = newWorkspaceId();
      const exported = definitionsToYaml(await effectiveDefinitions(context, ws));
      const edited = exported.replace('value: 50000', 'value: 40000');
      const result = await applyDefinitions(context, ws, [{ name: 'all.yaml', text: edited }], 'test');
      assert.ok(result.ok, JSON.stringify(result));
      const canonical = (yaml: string) => yaml.split('---\n').sort();
      assert.deepEqual(canonical(definitionsToYaml(await effectiveDefinitions(context, ws))), canonical(edited));
      assert.notDeepEqual(canonical(edited), canonical(exported));
    });

    test('segments may refer to each other across files', async () => {
      const context = testContext(store);
      const ws = newWorkspaceId();
      const result = await applyDefinitions(context, ws, [
        { name: 'a.yaml', text: segment('pros', { trait: { name: 'plan', op: 'eq', value: 'pro' } }) },
        { name: 'b.yaml', text: segment('active-pros', { all: [{ segment: { id: 'pros' } }, { event: { name: 'Signed In', withinDays: 7 } }] }) },
      ], 'test');
      assert.ok(result.ok, JSON.stringify(result));
      assert.deepEqual((await store.definitions.list(ws, 'Segment')).map(definitionId), ['active-pros', 'pros']);
    });

    test('rules may name a model defined in another file, whatever the order of its keys', async () => {
      const context = testContext(store);
      const ws = newWorkspaceId();
      const model = 'kind: EngagementModel\nspec:\n  name: White glove\n  costToServe: { csmHoursPerAccountMonth: 10, hourlyCost: 90, automationCostPerContactMonth: 2 }\n  phases: [{ id: care, name: Care, touch: high }]\n  id: white-glove\n';
      const rules = 'kind: AssignmentRules\nspec:\n  rules: []\n  defaultModel: white-glove\n';
      const result = await applyDefinitions(context, ws, [{ name: 'rules.yaml', text: rules }, { name: 'models.yaml', text: model }], 'test');
      assert.ok(result.ok, JSON.stringify(result));
    });

    test('one broken file means nothing of any file is applied, and every problem is named', async () => {
      const context = testContext(store);
      const ws = newWorkspaceId();
      const result = await applyDefinitions(context, ws, [
        { name: 'good.yaml', text: segment('good', { trait: { name: 'plan', op: 'eq', value: 'pro' } }) },
        { name: 'bad.yaml', text: segment('bad', { trait: { name: 'plan', op: 'equals', value: 'pro' } }) },
        { name: 'loop.yaml', text: 'kind: Nonsense\nspec: {}\n' },
      ], 'test');
      assert.ok(!result.ok);
      assert.deepEqual(result.issues.map(formatDocumentIssue).map((line) => line.split(': ').slice(0, 2).join(': ')), ['bad.yaml:6: spec.condition.trait.op', 'loop.yaml:1: kind']);
      assert.deepEqual(await store.definitions.list(ws), []);
    });

    test('a cycle of segment references is refused', async () => {
      const context = testContext(store);
      const ws = newWorkspaceId();
      const result = await applyDefinitions(context, ws, [
        { name: 'cycle.yaml', text: [segment('a', { segment: { id: 'b' } }), segment('b', { segment: { id: 'a' } })].join('---\n') },
      ], 'test');
      assert.ok(!result.ok);
      assert.match(result.issues[0]!.message, /cycle: (a -> b -> a|b -> a -> b)/);
      assert.deepEqual(await store.definitions.list(ws), []);
    });

    test('an escalation rule watching a segment that does not exist, or moving to a phase its model lacks, is refused', async () => {
      const context = testContext(store);
      const ws = newWorkspaceId();
      const rule = 'kind: EscalationRule\nspec:\n  id: quiet\n  name: Quiet\n  signal: { segment: gone-quiet }\n  from: [low-touch]\n  to: high-touch\n  phase: white-glove\n';
      const result = await applyDefinitions(context, ws, [{ name: 'escalations.yaml', text: rule }], 'test');
      assert.ok(!result.ok);
      assert.deepEqual(result.issues.map(formatDocumentIssue), [
        'escalations.yaml: spec.signal (escalation rule quiet): watches segment gone-quiet, which does not exist',
        'escalations.yaml: spec.phase (escalation rule quiet): is not a phase of high-touch (phases: onboarding, dedicated)',
      ]);
      assert.deepEqual(await store.definitions.list(ws), []);
    });

    test('a message template with broken Liquid is refused at apply, naming the locale, the part and the line', async () => {
      const context = testContext(store);
      const ws = newWorkspaceId();
      const template = [
        'kind: MessageTemplate',
        'spec:',
        '  id: welcome',
        '  name: Welcome',
        '  channel: email',
        '  defaultLocale: en',
        '  locales:',
        '    en: { subject: "Welcome", html: "<p>Hi {{ contact.firstName }}</p>", text: "Hi" }',
        '    nb:',
        '      subject: Velkommen',
        '      html: "<p>Hei</p>\\n<p>{% if contact.firstName %}{{ contact.firstName }}</p>"',
        '      text: Hei {{ contact.frist_name }}',
        '',
      ].join('\n');
      const result = await applyDefinitions(context, ws, [{ name: 'templates.yaml', text: template }], 'test');
      assert.ok(!result.ok);
      const lines = result.issues.map(formatDocumentIssue);
      assert.ok(lines.some((l) => l.startsWith('templates.yaml:11: spec.locales.nb.html:') && /line 2/.test(l)), lines.join('\n'));
      assert.ok(lines.some((l) => l.startsWith('templates.yaml:12: spec.locales.nb.text:') && /frist_name/.test(l)), lines.join('\n'));
      assert.deepEqual(await store.definitions.list(ws), []);
    });
    const emailTemplate = (id: string, channel = 'email') =>
      channel === 'email'
        ? `kind: MessageTemplate\nspec:\n  id: ${id}\n  name: ${id}\n  channel: email\n  defaultLocale: en\n  locales:\n    en: { subject: "Hi", html: "<p>Hi</p>", text: "Hi" }\n`
        : `kind: MessageTemplate\nspec:\n  id: ${id}\n  name: ${id}\n  channel: in-app\n  defaultLocale: en\n  locales:\n    en: { title: "Hi", body: "<p>Hi</p>" }\n`;
    const mailingJourney = (id: string, template: string) =>
      `kind: Journey\nspec:\n  id: ${id}\n  name: ${id}\n  trigger: { api: {} }\n  steps:\n    - { id: mail, email: { template: ${template} } }\n`;

    test('a journey naming a template that is not in force, or is for the other channel, is refused at apply', async () => {
      const context = testContext(store);
      const ws = newWorkspaceId();
      const result = await applyDefinitions(context, ws, [
        { name: 'templates.yaml', text: `${emailTemplate('hello')}---\n${emailTemplate('banner', 'in-app')}` },
        { name: 'journeys.yaml', text: `${mailingJourney('greet', 'hello')}---\n${mailingJourney('typo', 'helo')}---\n${mailingJourney('wrong', 'banner')}` },
      ], 'test');
      assert.ok(!result.ok);
      assert.deepEqual(result.issues.map(formatDocumentIssue), [
        'journeys.yaml: spec.steps.0.email.template (journey typo): names message template helo, which does not exist',
        'journeys.yaml: spec.steps.0.email.template (journey wrong): names message template banner, which is for in-app messages',
      ]);
      assert.deepEqual(await store.definitions.list(ws), []);
    });

    test('templates applied alone replace the shipped ones, so the shipped playbooks that send them are named', async () => {
      const context = testContext(store);
      const ws = newWorkspaceId();
      const result = await applyDefinitions(context, ws, [{ name: 'templates.yaml', text: emailTemplate('hello') }], 'test');
      assert.ok(!result.ok);
      assert.ok(result.issues.length > 0 && result.issues.every((i) => i.file === '(journeys in force)' && /apply the templates this journey sends too/.test(i.message)), result.issues.map(formatDocumentIssue).join('\n'));
      const withJourney = await applyDefinitions(context, ws, [{ name: 'all.yaml', text: `${emailTemplate('hello')}---\n${mailingJourney('greet', 'hello')}` }], 'test');
      assert.ok(withJourney.ok, JSON.stringify(withJourney));
    });
  });
}
