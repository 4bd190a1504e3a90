import { periodIndex } from './periods.js';

/**
 * Referrals and acquisition sources (see docs/metrics.md). A new customer is a contact whose
 * first cohort event (`Signed Up`) falls in the period. Their source, the first that applies:
 * `referral` when they accepted a referral (a `Referral Accepted` event of theirs); else their
 * answer to "how did you hear about us", as a trait or as the `answer` to an attribution
 * survey; else `unknown`. Sources are compared in lower case.
 */
export const REFERRAL_EVENTS = { sent: 'Referral Sent', accepted: 'Referral Accepted' } as const;
/** Traits that hold a contact's own answer to "how did you hear about us", in this order. */
export const SOURCE_TRAITS = ['referralSource', 'heardAboutUs', 'howDidYouHear', 'source', 'utm_source'] as const;
/** `survey` names of a `Survey Responded` whose `answer` is the source, in lower case. */
export const ATTRIBUTION_SURVEYS = ['attribution', 'how did you hear about us', 'heard about us'] as const;
export const REFERRAL_SOURCE = 'referral';
export const UNKNOWN_SOURCE = 'unknown';

export interface NewCustomer {
  contactId: string;
  at: number;
  /** Whether they accepted a referral. */
  referred: boolean;
  traits: Record<string, unknown>;
  /** Their first answer to an attribution survey. */
  surveyAnswer: string | null;
}

export function acquisitionSource(customer: NewCustomer): string {
  if (customer.referred) return REFERRAL_SOURCE;
  for (const trait of SOURCE_TRAITS) {
    const value = customer.traits[trait];
    if (typeof value === 'string' && value.trim() !== '') return value.trim().toLowerCase();
  }
  const answer = customer.surveyAnswer?.trim();
  return answer ? answer.toLowerCase() : UNKNOWN_SOURCE;
}

export interface ReferralCounts {
  /** Referral events per period. */
  sent: number[];
  accepted: number[];
}

/** New customers by source per period, their shares, and referral events; sources sorted by count. */
export function referralReport(customers: readonly NewCustomer[], referrals: ReferralCounts, boundaries: readonly number[]) {
  const tally = (list: readonly NewCustomer[]) => {
    const counts = new Map<string, number>();
    for (const c of list) counts.set(acquisitionSource(c), (counts.get(acquisitionSource(c)) ?? 0) + 1);
    return [...counts]
      .map(([source, count]) => ({ source, count, share: count / list.length }))
      .sort((a, b) => b.count - a.count || (a.source < b.source ? -1 : 1));
  };
  const inRange = customers.filter((c) => periodIndex(c.at, boundaries) >= 0);
  return {
    newCustomers: inRange.length,
    referralsSent: referrals.sent.reduce((a, b) => a + b, 0),
    referralsAccepted: referrals.accepted.reduce((a, b) => a + b, 0),
    sources: tally(inRange),
    periods: boundaries.slice(0, -1).map((start, i) => {
      const inPeriod = inRange.filter((c) => periodIndex(c.at, boundaries) === i);
      return { start, end: boundaries[i + 1]!, newCustomers: inPeriod.length, referralsSent: referrals.sent[i] ?? 0, referralsAccepted: referrals.accepted[i] ?? 0, sources: tally(inPeriod) };
    }),
  };
}
