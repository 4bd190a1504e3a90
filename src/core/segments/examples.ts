import type { SegmentDefinition } from './segment-definition.js';

/**
 * Segments most customers want on day one, written as they would be in a YAML file. They
 * document the language by example and can be shipped as defaults.
 */
export const ACTIVE_ENTERPRISE_ACCOUNTS: SegmentDefinition = {
  id: 'active-enterprise-accounts',
  name: 'Active enterprise accounts',
  description: 'Accounts on the enterprise plan with activity in the last 30 days.',
  subject: 'account',
  condition: {
    all: [
      { trait: { name: 'plan', op: 'eq', value: 'enterprise' } },
      { lastSeen: { withinDays: 30 } },
    ],
  },
};

export const TRIAL_USERS_WHO_NEVER_INVITED: SegmentDefinition = {
  id: 'trial-users-who-never-invited',
  name: 'Trial users who never invited anyone',
  description: 'Started a trial in the last 14 days, have not subscribed and have sent no invite.',
  subject: 'contact',
  condition: {
    all: [
      { event: { name: 'Trial Started', withinDays: 14 } },
      { event: { name: 'Subscription Started', atMost: 0 } },
      { event: { name: 'Invite Sent', atMost: 0 } },
    ],
  },
};

export const ACCOUNTS_WITH_ACTIVE_TEAMS: SegmentDefinition = {
  id: 'accounts-with-active-teams',
  name: 'Accounts with active teams',
  description: 'At least 3 of the account’s contacts were active in the last 7 days.',
  subject: 'account',
  condition: { contacts: { atLeast: 3, condition: { lastSeen: { withinDays: 7 } } } },
};

export const NO_LOGIN_FOR_14_DAYS: SegmentDefinition = {
  id: 'no-login-for-14-days',
  name: 'No login for 14 days',
  description: 'Have signed in before, but not in the last 14 days.',
  subject: 'contact',
  condition: {
    all: [
      { event: { name: 'Signed In' } },
      { event: { name: 'Signed In', atMost: 0, withinDays: 14 } },
    ],
  },
};

export const DETRACTORS: SegmentDefinition = {
  id: 'detractors',
  name: 'Detractors',
  description: 'Answered a survey with a score of 6 or less in the last 90 days.',
  subject: 'contact',
  condition: {
    event: { name: 'Survey Responded', where: [{ property: 'score', op: 'lte', value: 6 }], withinDays: 90 },
  },
};

export const BIG_SPENDERS: SegmentDefinition = {
  id: 'big-spenders',
  name: 'Big spenders',
  description: 'Revenue of 10,000 or more in the last 365 days.',
  subject: 'contact',
  condition: { computed: { name: 'revenue', op: 'gte', value: 10_000, withinDays: 365 } },
};

/** Customer success's early warning: usage of the product collapsed week over week. */
export const USAGE_COLLAPSED: SegmentDefinition = {
  id: 'usage-collapsed',
  name: 'Usage collapsed',
  description: 'Accounts whose interactions over the last 7 days dropped by 60% or more against the 7 days before, with at least 20 over the two weeks.',
  subject: 'account',
  // Weekly usage swings: on the demo's accounts a 50% drop happens to one account in ten in an
  // ordinary week, a 60% drop with the floor to a few in a hundred. The floor keeps a quiet
  // account's ordinary fortnight (5 interactions, then 2) out of it.
  condition: {
    all: [
      { trend: { name: 'eventCount', periodDays: 7, op: 'lte', percent: -60 } },
      { computed: { name: 'eventCount', op: 'gte', value: 20, withinDays: 14 } },
    ],
  },
};

/**
 * At least 3 tickets keeps a small account's ordinary week (1 ticket, then 2) out of it. A
 * week with no tickets before has no trend, so "not (up by less than 100%)" rather than "up
 * by 100% or more": 0 tickets then 4 is a spike too.
 */
export const SUPPORT_TICKET_SPIKE: SegmentDefinition = {
  id: 'support-ticket-spike',
  name: 'Support ticket spike',
  description: 'Accounts that created at least 3 tickets in the last 7 days, at least twice as many as in the 7 days before.',
  subject: 'account',
  condition: {
    all: [
      { not: { trend: { name: 'eventCount', event: 'Ticket Created', periodDays: 7, op: 'lt', percent: 100 } } },
      { event: { name: 'Ticket Created', atLeast: 3, withinDays: 7 } },
    ],
  },
};

/** Unhappy people make an unhappy account: a detractor score or a poor review is a signal for a person to step in. */
export const UNHAPPY_ACCOUNTS: SegmentDefinition = {
  id: 'unhappy-accounts',
  name: 'Unhappy accounts',
  description: 'A contact answered a survey with 6 or less (a detractor) or reviewed the product with 2 stars or less in the last 30 days.',
  subject: 'account',
  condition: {
    contacts: {
      atLeast: 1,
      condition: {
        any: [
          { event: { name: 'Survey Responded', where: [{ property: 'score', op: 'lte', value: 6 }], withinDays: 30 } },
          { event: { name: 'Product Reviewed', where: [{ property: 'rating', op: 'lte', value: 2 }], withinDays: 30 } },
        ],
      },
    },
  },
};

/** The activation milestone the shipped hybrid model's onboarding ends at. */
export const ACTIVATED_ACCOUNTS: SegmentDefinition = {
  id: 'activated',
  name: 'Activated accounts',
  description: 'Completed onboarding, or used features at least 3 times.',
  subject: 'account',
  condition: { any: [{ event: { name: 'Onboarding Completed' } }, { event: { name: 'Feature Used', atLeast: 3 } }] },
};

export const EXAMPLE_SEGMENTS: readonly SegmentDefinition[] = [
  ACTIVATED_ACCOUNTS,
  ACTIVE_ENTERPRISE_ACCOUNTS,
  TRIAL_USERS_WHO_NEVER_INVITED,
  ACCOUNTS_WITH_ACTIVE_TEAMS,
  NO_LOGIN_FOR_14_DAYS,
  DETRACTORS,
  BIG_SPENDERS,
  USAGE_COLLAPSED,
  SUPPORT_TICKET_SPIKE,
  UNHAPPY_ACCOUNTS,
];
