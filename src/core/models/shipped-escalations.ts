import type { EscalationRule } from './escalation.js';

/**
 * The escalations Touchpoint ships. They watch the models where automation serves accounts
 * that pay (low touch and the escalating hybrid); no-touch accounts are not escalated, since
 * their revenue does not pay for a person — a team that disagrees adds `no-touch` to `from`.
 */
export const SHIPPED_ESCALATIONS: readonly EscalationRule[] = [
  {
    id: 'usage-collapse',
    name: 'Usage collapsed',
    description: 'Interactions over the last 7 days fell by half or more against the 7 days before.',
    signal: { segment: 'usage-collapsed' },
    from: ['low-touch', 'hybrid-escalating'],
    to: 'high-touch',
    phase: 'dedicated',
    stepBack: { healthyDays: 14 },
  },
  {
    id: 'ticket-spike',
    name: 'Support tickets spiked',
    description: 'Support tickets over the last 7 days doubled.',
    signal: { segment: 'support-ticket-spike' },
    from: ['low-touch', 'hybrid-escalating'],
    to: 'high-touch',
    phase: 'dedicated',
    stepBack: { healthyDays: 14 },
  },
  {
    id: 'unhappy-customer',
    name: 'Unhappy customer',
    description: 'A detractor survey score or a poor review in the last 30 days.',
    signal: { segment: 'unhappy-accounts' },
    from: ['low-touch', 'hybrid-escalating'],
    to: 'high-touch',
    phase: 'dedicated',
    stepBack: { healthyDays: 14 },
  },
  {
    id: 'not-activated',
    name: 'Not activated in time',
    description: 'The escalating hybrid promises a person when self-service onboarding has not activated the account within 30 days.',
    signal: { notActivated: { segment: 'activated', days: 30 } },
    from: ['hybrid-escalating'],
    to: 'high-touch',
    phase: 'onboarding',
    stepBack: { healthyDays: 14 },
  },
];
