import type { EngagementModel } from './engagement-model.js';

/**
 * The engagement models Touchpoint ships, editable like any definition. Costs are a starting
 * point for a SaaS team (a CSM hour at 75, fully loaded); teams set their own.
 */
export const SHIPPED_MODELS: readonly EngagementModel[] = [
  {
    id: 'high-touch',
    name: 'High touch',
    description: 'A dedicated customer success manager: for expensive, complex products where each account is worth the time.',
    costToServe: { csmHoursPerAccountMonth: 8, hourlyCost: 75, automationCostPerContactMonth: 2 },
    phases: [
      {
        id: 'onboarding',
        name: 'Onboarding with a CSM',
        touch: 'high',
        activities: ['sales-to-CSM introduction', 'kickoff call', 'live online or in-person trainings', 'weekly check-ins until activated'],
        costToServe: { csmHoursPerAccountMonth: 12, hourlyCost: 75, automationCostPerContactMonth: 2 },
        until: { activatedSegment: 'activated', maxDays: 120 },
      },
      {
        id: 'dedicated',
        name: 'Dedicated CSM',
        touch: 'high',
        activities: ['monthly check-ins', 'quarterly business reviews', 'renewal calls'],
      },
    ],
  },
  {
    id: 'low-touch',
    name: 'Low touch',
    description: 'Automated onboarding and self-help, with people on request: for high-volume, cheaper products.',
    costToServe: { csmHoursPerAccountMonth: 0.5, hourlyCost: 75, automationCostPerContactMonth: 1.5 },
    phases: [
      {
        id: 'automated',
        name: 'Automated with help on request',
        touch: 'low',
        activities: ['onboarding e-mail sequence', 'knowledge-base articles', 'video guides', 'chatbot', 'a human on request'],
      },
    ],
  },
  {
    id: 'no-touch',
    name: 'No touch',
    description: 'Fully automated and self-service, 24/7.',
    costToServe: { csmHoursPerAccountMonth: 0, hourlyCost: 75, automationCostPerContactMonth: 0.5 },
    phases: [{ id: 'self-service', name: 'Self-service', touch: 'none', activities: ['in-app guidance', 'automated e-mail', 'self-service help centre'] }],
  },
  {
    id: 'hybrid-onboarding',
    name: 'Hybrid: high-touch onboarding, then low touch',
    description: 'A CSM onboards the account until it is activated (or 90 days pass); automation serves it after.',
    costToServe: { csmHoursPerAccountMonth: 0.5, hourlyCost: 75, automationCostPerContactMonth: 1.5 },
    phases: [
      {
        id: 'onboarding',
        name: 'High-touch onboarding',
        touch: 'high',
        activities: ['kickoff call', 'training sessions', 'weekly check-ins until activated'],
        costToServe: { csmHoursPerAccountMonth: 6, hourlyCost: 75, automationCostPerContactMonth: 1.5 },
        until: { activatedSegment: 'activated', maxDays: 90 },
      },
      { id: 'adoption', name: 'Low touch after onboarding', touch: 'low', activities: ['feature e-mails', 'knowledge base', 'a human on request'] },
    ],
  },
  {
    id: 'hybrid-escalating',
    name: 'Hybrid: low touch that escalates',
    description: 'Automated by default; a person steps in when the customer struggles (escalation rules move the account to high touch and back).',
    costToServe: { csmHoursPerAccountMonth: 1, hourlyCost: 75, automationCostPerContactMonth: 1.5 },
    phases: [{ id: 'automated', name: 'Automated, watched', touch: 'low', activities: ['onboarding e-mail sequence', 'usage and health watched for escalation'] }],
  },
];
