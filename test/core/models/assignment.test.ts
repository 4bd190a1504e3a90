import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assignModel, parseAssignmentRules } from '../../../src/core/models/assignment.js';
import { SHIPPED_MODELS } from '../../../src/core/models/shipped-models.js';
import { SHIPPED_RULES } from '../../../src/core/models/shipped-rules.js';
import type { AccountSubject } from '../../../src/core/segments/subjects.js';

const NOW = Date.UTC(2026, 5, 1);
const context = { now: NOW, memberships: () => false };
const modelIds = SHIPPED_MODELS.map((m) => m.id);

function account(fields: Partial<AccountSubject['fields']>): AccountSubject {
  return {
    kind: 'account',
    id: 'acme',
    fields: { plan: null, mrr: null, contractValue: null, industry: null, employees: null, complexity: null, renewalDate: null, ownerEmail: null, ...fields },
    traits: {},
    events: [],
    contacts: [],
  };
}

describe('model assignment', () => {
  test('the shipped rules are valid against the shipped models', () => {
    assert.deepEqual(parseAssignmentRules(SHIPPED_RULES, modelIds), { ok: true, rules: SHIPPED_RULES });
  });

  test('the first matching rule decides, and the reason names the facts', () => {
    const assignment = assignModel(SHIPPED_RULES, account({ contractValue: 84_000, mrr: 7_000, complexity: 'high' }), context);
    assert.deepEqual(assignment, {
      modelId: 'high-touch',
      ruleId: 'enterprise-high-touch',
      reason: 'high-touch because contractValue is 84000 (required: at least 50000) and complexity is "high" (required: equals "high") (rule enterprise-high-touch)',
    });
  });

  test('a big but simple account is onboarded by hand, then low touch', () => {
    assert.equal(assignModel(SHIPPED_RULES, account({ contractValue: 84_000, complexity: 'low' }), context).modelId, 'hybrid-onboarding');
  });

  test('an any-rule gives the part that held', () => {
    const rules = { rules: [{ id: 'either', model: 'low-touch', when: { any: [{ trait: { name: 'plan', op: 'eq' as const, value: 'pro' } }, { trait: { name: 'mrr', op: 'gte' as const, value: 10 } }] } }], defaultModel: 'no-touch' };
    assert.equal(assignModel(rules, account({ mrr: 50 }), context).reason, 'low-touch because mrr is 50 (required: at least 10) (rule either)');
  });

  test('without a matching rule the default applies and says so', () => {
    assert.deepEqual(assignModel(SHIPPED_RULES, account({ mrr: 20 }), context), {
      modelId: 'no-touch',
      ruleId: null,
      reason: 'no-touch by default: no rule matched (enterprise-high-touch, large-contract-onboarding, complex-product-escalating, paying-low-touch)',
    });
  });

  test('rules naming unknown models or broken conditions are refused with paths', () => {
    const result = parseAssignmentRules(
      { rules: [{ id: 'a', model: 'gold-touch', when: { trait: { name: 'mrr', op: 'bigger', value: 1 } } }, { id: 'a', model: 'low-touch', when: { all: [{ event: { name: 'X', atLeast: -1 } }] } }], defaultModel: 'nobody' },
      modelIds,
    );
    assert.ok(!result.ok);
    assert.deepEqual(result.issues.map((i) => i.path), ['defaultModel', 'rules.0.model', 'rules.0.when.trait.op', 'rules.1.id', 'rules.1.when.all.0.event.atLeast']);
  });
});
