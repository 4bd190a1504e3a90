import { journeySchema, type JourneyDefinition } from './journey-definition.js';

/**
 * The playbooks Touchpoint ships: one journey per engagement model's automation, and the
 * renewal, win-back and feedback journeys of the customer's later life. They arrive paused —
 * nothing is sent until a team activates one (`POST /api/journeys/{id}/activate`, or the
 * journey's page) — and are edited like any definition. The people's side of high-touch
 * onboarding (the sales-to-CSM introduction, kickoff, trainings and weekly check-ins until the
 * activation milestone) is the shipped task templates' work; the journeys here add the
 * messages around it and hand work to a person where automation alone falls short.
 *
 * Templates: core/templates/shipped-templates.ts. "Activated" is the shipped milestone:
 * `Onboarding Completed`, the event the `activated` segment also counts.
 */
const ACTIVATED = { event: { name: 'Onboarding Completed' } };

/** The low-touch e-mail sequence over about two weeks: welcome, features, video guides, an offer of help. */
const onboardingSequence = (offerHelp: string): JourneyDefinition['steps'] => [
  { id: 'welcome', email: { template: 'welcome' } },
  { id: 'wait-2-days', wait: { for: { days: 2 } } },
  { id: 'feature-highlights', email: { template: 'feature-highlights' } },
  { id: 'wait-3-days', wait: { for: { days: 3 } } },
  { id: 'video-guides', email: { template: 'video-guides' } },
  { id: 'wait-4-days', wait: { for: { days: 4 } } },
  { id: offerHelp, email: { template: 'help-offer' } },
];

export const SHIPPED_PLAYBOOKS: readonly JourneyDefinition[] = [
  {
    id: 'high-touch-onboarding',
    name: 'High-touch onboarding',
    description: 'With the CSM’s introduction, kickoff, trainings and weekly check-ins (task templates): the CSM introduced by e-mail, the training sessions announced, until the activation milestone.',
    subject: 'contact',
    trigger: { model: { phase: 'onboarding' } },
    entry: { once: true },
    goal: ACTIVATED,
    steps: [
      { id: 'introduce-csm', email: { template: 'csm-introduction' } },
      { id: 'wait-3-days', wait: { for: { days: 3 } } },
      { id: 'announce-training', email: { template: 'training-invitation' } },
      { id: 'until-activated', wait: { for: { days: 28 } } },
    ],
  },
  {
    id: 'low-touch-onboarding',
    name: 'Low-touch onboarding',
    description: 'A welcome e-mail and a sequence over about two weeks highlighting features, knowledge-base articles and video guides; ends when the customer is activated.',
    subject: 'contact',
    trigger: { model: { to: 'low-touch' } },
    entry: { once: true },
    goal: ACTIVATED,
    steps: onboardingSequence('offer-help'),
  },
  {
    id: 'low-touch-activation-deadline',
    name: 'Low touch: a person when not activated in 14 days',
    description: 'Escalation to a human: a low-touch account not activated 14 days after it arrived gets an escalation task, due within one business day.',
    subject: 'account',
    trigger: { model: { to: 'low-touch' } },
    entry: { once: true },
    goal: ACTIVATED,
    steps: [
      { id: 'wait-14-days', wait: { for: { days: 14 } } },
      { id: 'activated', branch: { cases: [{ when: { segment: { id: 'activated' } }, next: 'done' }], otherwise: 'escalate' } },
      { id: 'escalate', next: 'done', task: { type: 'escalation', title: 'Not activated after 14 days of low-touch onboarding: offer a call', dueInBusinessDays: 1 } },
      { id: 'done', exit: {} },
    ],
  },
  {
    id: 'no-touch-guidance',
    name: 'No-touch guidance',
    description: 'In-app guidance and automated e-mail only: a getting-started guide in the product, self-service tips, and a feature to explore after a week.',
    subject: 'contact',
    trigger: { model: { to: 'no-touch' } },
    entry: { once: true },
    steps: [
      { id: 'in-app-guide', inApp: { template: 'getting-started-guide' } },
      { id: 'wait-1-day', wait: { for: { days: 1 } } },
      { id: 'self-service-tips', email: { template: 'self-service-tips' } },
      { id: 'wait-6-days', wait: { for: { days: 6 } } },
      { id: 'explore-features', inApp: { template: 'explore-features' } },
    ],
  },
  {
    id: 'hybrid-handover',
    name: 'Hybrid: from high-touch onboarding to low touch',
    description: 'When the high-touch onboarding of the hybrid model ends, the CSM hands over to the automated programme: a hand-over e-mail, then the feature and video e-mails.',
    subject: 'contact',
    trigger: { model: { to: 'hybrid-onboarding', phase: 'adoption' } },
    entry: { once: true },
    steps: [
      { id: 'handover', email: { template: 'handover' } },
      { id: 'wait-7-days', wait: { for: { days: 7 } } },
      { id: 'feature-highlights', email: { template: 'feature-highlights' } },
      { id: 'wait-another-7-days', wait: { for: { days: 7 } } },
      { id: 'video-guides', email: { template: 'video-guides' } },
    ],
  },
  {
    id: 'hybrid-escalating-onboarding',
    name: 'Hybrid: low-touch onboarding that escalates',
    description: 'The low-touch sequence for the escalating hybrid; the escalation rule "not activated in time" moves an account still not activated after 30 days to high-touch onboarding.',
    subject: 'contact',
    trigger: { model: { to: 'hybrid-escalating' } },
    entry: { once: true },
    goal: ACTIVATED,
    steps: onboardingSequence('offer-help'),
  },
  {
    id: 'renewal',
    name: 'Renewal (LAER: renew)',
    description: '90 days before renewalDate a renewal task for the owner; reminders to the account’s people 60 and 30 days before.',
    subject: 'account',
    trigger: { date: { trait: 'renewalDate', offsetDays: -90, at: '09:00' } },
    entry: { againAfter: { days: 300 } },
    steps: [
      { id: 'renewal-call', task: { type: 'renewal-call', title: 'Renewal in 90 days: plan the renewal call', dueInDays: 14 } },
      { id: 'wait-30-days', wait: { for: { days: 30 } } },
      { id: 'reminder-60-days', email: { template: 'renewal-reminder' } },
      { id: 'wait-another-30-days', wait: { for: { days: 30 } } },
      { id: 'reminder-30-days', email: { template: 'renewal-reminder' } },
    ],
  },
  {
    id: 'win-back',
    name: 'Win-back after cancelling',
    description: 'Thirty days after a subscription is cancelled, an offer to come back; converts when a subscription starts again.',
    subject: 'contact',
    trigger: { event: { name: 'Subscription Cancelled' } },
    entry: { againAfter: { days: 180 } },
    goal: { event: { name: 'Subscription Started' } },
    steps: [
      { id: 'wait-30-days', wait: { for: { days: 30 } } },
      { id: 'win-back-offer', email: { template: 'win-back' } },
    ],
  },
  {
    id: 'onboarding-feedback',
    name: 'Feedback after onboarding',
    description: 'A week after onboarding is completed, one question: how likely the contact is to recommend us (NPS).',
    subject: 'contact',
    trigger: ACTIVATED,
    entry: { once: true },
    goal: { event: { name: 'Survey Responded' } },
    steps: [
      { id: 'wait-7-days', wait: { for: { days: 7 } } },
      { id: 'ask-for-feedback', email: { template: 'feedback-request' } },
    ],
  },
];

const SHIPPED_BY_ID = new Map(SHIPPED_PLAYBOOKS.map((j) => [j.id, canonical(j)]));

/** Whether `journey` is a shipped playbook as shipped (the same id and content, after the schema's defaults). */
export function isShippedPlaybook(journey: JourneyDefinition): boolean {
  return SHIPPED_BY_ID.get(journey.id) === canonical(journey);
}

/** JSON with every object's keys in order and the schema's defaults filled in: equal content, equal text. */
function canonical(journey: JourneyDefinition): string {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(sorted) : value !== null && typeof value === 'object' ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted((value as Record<string, unknown>)[k])])) : value;
  return JSON.stringify(sorted(journeySchema.parse(journey)));
}
