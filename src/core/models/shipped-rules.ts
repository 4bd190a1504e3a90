import type { AssignmentRules } from './assignment.js';

/**
 * The assignment rules Touchpoint ships: high touch only where revenue and complexity justify
 * a dedicated CSM, hybrids in between, self-service for the long tail. Teams edit them.
 */
export const SHIPPED_RULES: AssignmentRules = {
  rules: [
    {
      id: 'enterprise-high-touch',
      model: 'high-touch',
      when: { all: [{ trait: { name: 'contractValue', op: 'gte', value: 50_000 } }, { trait: { name: 'complexity', op: 'eq', value: 'high' } }] },
    },
    { id: 'large-contract-onboarding', model: 'hybrid-onboarding', when: { trait: { name: 'contractValue', op: 'gte', value: 20_000 } } },
    { id: 'complex-product-escalating', model: 'hybrid-escalating', when: { trait: { name: 'complexity', op: 'in', value: ['medium', 'high'] } } },
    { id: 'paying-low-touch', model: 'low-touch', when: { trait: { name: 'mrr', op: 'gte', value: 100 } } },
  ],
  defaultModel: 'no-touch',
};
