import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { escalationStep, parseEscalationRule, type EscalationState } from '../../../src/core/models/escalation.js';
import { SHIPPED_ESCALATIONS } from '../../../src/core/models/shipped-escalations.js';
import { SHIPPED_MODELS } from '../../../src/core/models/shipped-models.js';

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 23, 12);
const rules = SHIPPED_ESCALATIONS;
const inSegments = (...ids: string[]) => (id: string) => ids.includes(id);
const escalated = (healthySince: number | null): EscalationState => ({ ruleId: 'usage-collapse', fromModel: 'low-touch', fromPhase: 'automated', escalatedAt: now - 20 * DAY, healthySince });

describe('escalation rules', () => {
  test('a low-touch account whose usage collapsed is escalated by the first rule that watches it', () => {
    const step = escalationStep(rules, { modelId: 'low-touch', since: now - 100 * DAY, escalation: null, inSegment: inSegments('usage-collapsed'), now });
    assert.equal(step?.kind, 'escalate');
    assert.equal(step?.kind === 'escalate' && step.rule.id, 'usage-collapse');
    assert.equal(step?.kind === 'escalate' && step.reason, 'escalated by Usage collapsed: the account entered segment usage-collapsed');
  });

  test('no-touch accounts are not watched by the shipped rules', () => {
    assert.equal(escalationStep(rules, { modelId: 'no-touch', since: 0, escalation: null, inSegment: inSegments('usage-collapsed'), now }), null);
  });

  test('not activated escalates only once the days have passed', () => {
    const input = { modelId: 'hybrid-escalating', escalation: null, inSegment: inSegments(), now };
    assert.equal(escalationStep(rules, { ...input, since: now - 29 * DAY }), null);
    const step = escalationStep(rules, { ...input, since: now - 30 * DAY });
    assert.equal(step?.kind === 'escalate' && step.rule.id, 'not-activated');
    assert.equal(escalationStep(rules, { ...input, since: now - 30 * DAY, inSegment: inSegments('activated') }), null);
  });

  test('an escalated account starts a healthy stretch when the signal stops, and loses it when it returns', () => {
    const base = { modelId: 'high-touch', since: now - 20 * DAY, now };
    assert.deepEqual(escalationStep(rules, { ...base, escalation: escalated(null), inSegment: inSegments() }), { kind: 'healthy', since: now });
    assert.deepEqual(escalationStep(rules, { ...base, escalation: escalated(now - DAY), inSegment: inSegments('usage-collapsed') }), { kind: 'struggling' });
    assert.equal(escalationStep(rules, { ...base, escalation: escalated(null), inSegment: inSegments('usage-collapsed') }), null);
  });

  test('after 14 healthy days it steps back, saying why', () => {
    const base = { modelId: 'high-touch', since: now - 20 * DAY, inSegment: inSegments(), now };
    assert.equal(escalationStep(rules, { ...base, escalation: escalated(now - 13 * DAY) }), null);
    const step = escalationStep(rules, { ...base, escalation: escalated(now - 14 * DAY) });
    assert.equal(step?.kind, 'step-back');
    assert.equal(step?.kind === 'step-back' && step.reason, 'back to low-touch: healthy for 14 days (Usage collapsed asks for 14)');
  });

  test('the schema names unknown models and a rule that escalates to where it watches', () => {
    const ids = SHIPPED_MODELS.map((m) => m.id);
    const result = parseEscalationRule({ id: 'x', name: 'X', signal: { segment: 'y' }, from: ['gold', 'high-touch'], to: 'high-touch' }, ids);
    assert.deepEqual(!result.ok && result.issues.map((i) => `${i.path}: ${i.message.split(' (')[0]}`), ['from.0: is not a model', 'from.1: is the model the rule escalates to']);
    for (const rule of SHIPPED_ESCALATIONS) assert.equal(parseEscalationRule(rule, ids).ok, true, rule.id);
  });
});
