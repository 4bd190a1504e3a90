import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { definitionsToYaml, formatDocumentIssue, parseDefinitionDocuments, type Definition } from '../../../src/core/definitions/definition-documents.js';
import { SHIPPED_MODELS } from '../../../src/core/models/shipped-models.js';
import { SHIPPED_RULES } from '../../../src/core/models/shipped-rules.js';
import { EXAMPLE_SEGMENTS } from '../../../src/core/segments/examples.js';

const options = { knownModelIds: [] };

describe('definitions as YAML documents', () => {
  test('segments, models and rules round-trip through YAML without loss', () => {
    const definitions: Definition[] = [
      ...EXAMPLE_SEGMENTS.map((spec) => ({ kind: 'Segment' as const, spec })),
      ...SHIPPED_MODELS.map((spec) => ({ kind: 'EngagementModel' as const, spec })),
      { kind: 'AssignmentRules', spec: SHIPPED_RULES },
    ];
    const yaml = definitionsToYaml(definitions);
    const parsed = parseDefinitionDocuments(yaml, 'all.yaml', options);
    assert.deepEqual(parsed.issues, []);
    assert.deepEqual(parsed.definitions, definitions);
    assert.equal(definitionsToYaml(parsed.definitions), yaml);
  });

  test('a broken document is refused naming the file, line, path and reason, and nothing of the file is kept', () => {
    const text = [
      'kind: Segment',
      'spec:',
      '  id: good-one',
      '  name: Good',
      '  subject: contact',
      '  condition: { trait: { name: plan, op: eq, value: pro } }',
      '---',
      'kind: Segment',
      'spec:',
      '  id: broken',
      '  name: Broken',
      '  subject: contact',
      '  condition:',
      '    all:',
      '      - event: { name: Signed In, atLeast: -2 }',
      '',
    ].join('\n');
    const result = parseDefinitionDocuments(text, 'segments/broken.yaml', options);
    assert.deepEqual(result.definitions, []);
    assert.deepEqual(result.issues.map(formatDocumentIssue), ['segments/broken.yaml:15: documents.1.spec.condition.all.0.event.atLeast: ' + result.issues[0]!.message]);
  });

  test('YAML syntax errors and unknown kinds are named with their line', () => {
    const syntax = parseDefinitionDocuments('kind: Segment\nspec: [unclosed\n', 'bad.yaml', options);
    assert.equal(syntax.issues.length > 0, true);
    assert.match(formatDocumentIssue(syntax.issues[0]!), /^bad\.yaml:\d+: \(yaml\): /);
    const kind = parseDefinitionDocuments('kind: Workflow\nspec: {}\n', 'j.yaml', options);
    assert.deepEqual(kind.issues.map(formatDocumentIssue), ['j.yaml:1: kind: must be one of Segment, EngagementModel, AssignmentRules, EscalationRule, TaskTemplate, Journey, MessageTemplate, DeliveryPolicy, Framework, EngagementScoring, Goal, HealthScoring']);
  });

  test('a Liquid problem in a template part is named by its line in the file, block text or not', () => {
    const text = [
      'kind: MessageTemplate',
      'spec:',
      '  id: welcome',
      '  name: Welcome',
      '  channel: email',
      '  locales:',
      '    en:',
      '      subject: Hi {{ contact.nickname }}',
      '      html: |',
      '        <p>Hello</p>',
      '        {% if contact.plan %}',
      '      text: Hello',
      '',
    ].join('\n');
    const result = parseDefinitionDocuments(text, 't.yaml', options);
    assert.deepEqual(
      result.issues.map((i) => `${i.line} ${i.path}`),
      ['8 spec.locales.en.subject', '11 spec.locales.en.html'],
    );
  });

  test('rules may name a model defined in the same file', () => {
    const text = definitionsToYaml([
      { kind: 'EngagementModel', spec: { ...SHIPPED_MODELS[0]!, id: 'white-glove' } },
      { kind: 'AssignmentRules', spec: { rules: [], defaultModel: 'white-glove' } },
    ]);
    assert.deepEqual(parseDefinitionDocuments(text, 'x.yaml', options).issues, []);
    const alone = parseDefinitionDocuments(definitionsToYaml([{ kind: 'AssignmentRules', spec: { rules: [], defaultModel: 'white-glove' } }]), 'y.yaml', options);
    assert.deepEqual(alone.issues.map((i) => i.path), ['spec.defaultModel']);
  });
});
