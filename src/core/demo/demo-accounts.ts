import type { Complexity } from '../profiles.js';
import { between, DAY, nextAfter } from './calendar.js';
import { COMPANY_WORDS, COUNTRIES, CSMS, INDUSTRIES, TITLES, type Country } from './names.js';
import type { Random } from './random.js';

export const DEMO_PLANS = ['starter', 'growth', 'enterprise'] as const;
export type DemoPlan = (typeof DEMO_PLANS)[number];

export interface DemoWindow {
  /** A year before `end`. */
  start: number;
  end: number;
}

export interface DemoContact {
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  title: string;
  role: 'admin' | 'leader' | 'user';
  locale: string;
  timezone: string;
  /** When the person started using the product (may be before the window). */
  joinedAt: number;
  /** Product sessions a week at ordinary times. */
  sessionsPerWeek: number;
  /** Set for the founder of a new account, who browsed the website before signing up. */
  anonymousId?: string;
}

export interface PlanTerms {
  plan: DemoPlan;
  mrr: number;
  contractValue: number;
  billing: 'monthly' | 'annual';
}

export interface DemoAccount {
  groupId: string;
  name: string;
  domain: string;
  industry: string;
  country: Country;
  employees: number;
  complexity: Complexity;
  owner?: { name: string; email: string };
  terms: PlanTerms;
  /** Signed up inside the window (a full trial-to-paid story) or was already a customer. */
  isNew: boolean;
  signedUpAt: number;
  /** When paying started: the trial's end for new accounts; undefined while still in trial. */
  subscribedAt?: number;
  /** 0 (unhappy) .. 1 (delighted): drives activity, tickets, scores and ratings. */
  health: number;
  churnAt?: number;
  deletedAt?: number;
  upgrade?: { at: number; terms: PlanTerms };
  contacts: DemoContact[];
}

const TRIAL_DAYS = 14;

/** One plausible customer account with its people, drawn from `random`. */
export function demoAccount(random: Random, window: DemoWindow, takenNames: Set<string>, people = 1): DemoAccount {
  const plan = random.weighted<DemoPlan>([['starter', 60], ['growth', 30], ['enterprise', 10]]);
  const industry = random.pick(INDUSTRIES);
  const country = random.weighted(COUNTRIES.map((c) => [c, c.weight] as const));
  const name = companyName(random, industry.suffixes, takenNames);
  const slug = asciiSlug(name);
  const isNew = random.chance(plan === 'enterprise' ? 0.25 : 0.45);
  const signedUpAt = isNew ? between(random, window.start + 3 * DAY, window.end - 2 * DAY) : between(random, window.start - 3 * 365 * DAY, window.start - 30 * DAY);
  const trialEnd = signedUpAt + TRIAL_DAYS * DAY;
  const subscribedAt = !isNew ? signedUpAt : trialEnd < window.end ? trialEnd : undefined;
  const churns = subscribedAt !== undefined && random.chance(plan === 'starter' ? 0.16 : plan === 'growth' ? 0.1 : 0.05);
  const activeFrom = Math.max(window.start, subscribedAt ?? window.end);
  const churnAt = churns && window.end - 5 * DAY - (activeFrom + 45 * DAY) > 0 ? between(random, activeFrom + 45 * DAY, window.end - 5 * DAY) : undefined;
  const health = churnAt !== undefined ? 0.1 + random.next() * 0.3 : Math.min(1, 0.4 + random.next() * 0.7);
  const terms = planTerms(random, plan);
  const account: DemoAccount = {
    groupId: slug,
    name,
    domain: `${slug}.example`,
    industry: industry.name,
    country,
    employees: employeesFor(random, plan),
    complexity: random.weighted<Complexity>(COMPLEXITY_WEIGHTS[plan]),
    owner: plan === 'enterprise' || (plan === 'growth' && random.chance(0.4)) ? random.pick(CSMS) : undefined,
    terms,
    isNew,
    signedUpAt,
    subscribedAt,
    health,
    churnAt,
    deletedAt: churnAt !== undefined && random.chance(0.5) ? churnAt + random.int(3, 30) * DAY : undefined,
    contacts: [],
  };
  if (account.deletedAt !== undefined && account.deletedAt >= window.end) delete account.deletedAt;
  const upgradeTo = plan === 'starter' ? 'growth' : plan === 'growth' ? 'enterprise' : undefined;
  if (upgradeTo && churnAt === undefined && subscribedAt !== undefined && random.chance(plan === 'starter' ? 0.12 : 0.08)) {
    const from = Math.max(window.start, subscribedAt) + 30 * DAY;
    if (from < window.end - 7 * DAY) account.upgrade = { at: between(random, from, window.end - 7 * DAY), terms: planTerms(random, upgradeTo) };
  }
  account.contacts = demoContacts(random, account, window, people);
  return account;
}

/** The plan an account is on at `at`. */
export function termsAt(account: DemoAccount, at: number): PlanTerms {
  return account.upgrade && at >= account.upgrade.at ? account.upgrade.terms : account.terms;
}

/** The next renewal after `at`: the next monthly invoice, or the contract's anniversary. */
export function renewalAfter(account: DemoAccount, at: number): number | undefined {
  if (account.subscribedAt === undefined) return undefined;
  return nextAfter(account.subscribedAt, termsAt(account, at).billing === 'annual' ? 12 : 1, at);
}

const COMPLEXITY_WEIGHTS: Record<DemoPlan, readonly (readonly [Complexity, number])[]> = {
  starter: [['low', 75], ['medium', 22], ['high', 3]],
  growth: [['low', 20], ['medium', 60], ['high', 20]],
  enterprise: [['medium', 25], ['high', 75]],
};

/** Heavy-tailed revenue: many small self-serve plans, a few very large contracts. */
function planTerms(random: Random, plan: DemoPlan): PlanTerms {
  switch (plan) {
    case 'starter': {
      const mrr = random.weighted([[49, 30], [99, 30], [149, 15], [199, 12], [299, 8], [399, 5]]);
      return { plan, mrr, contractValue: mrr * 12, billing: 'monthly' };
    }
    case 'growth': {
      const mrr = roundTo(clamp(Math.exp(random.normal(Math.log(1500), 0.55)), 500, 6000), 50);
      return { plan, mrr, contractValue: mrr * 12, billing: random.chance(0.4) ? 'annual' : 'monthly' };
    }
    case 'enterprise': {
      const contractValue = roundTo(clamp(Math.exp(random.normal(Math.log(90_000), 0.8)), 36_000, 900_000), 1000);
      return { plan, mrr: Math.round(contractValue / 12), contractValue, billing: 'annual' };
    }
  }
}

function employeesFor(random: Random, plan: DemoPlan): number {
  const [median, min, max] = plan === 'starter' ? [12, 2, 80] : plan === 'growth' ? [150, 30, 1000] : [3000, 500, 80_000];
  return Math.round(clamp(Math.exp(random.normal(Math.log(median), 0.7)), min, max));
}

const CONTACT_COUNTS: Record<DemoPlan, readonly (readonly [number, number])[]> = {
  starter: [[1, 25], [2, 30], [3, 20], [4, 15], [5, 10]],
  growth: [[4, 10], [6, 20], [8, 25], [10, 20], [12, 15], [14, 10]],
  enterprise: [[15, 15], [22, 25], [30, 25], [40, 20], [50, 15]],
};

function demoContacts(random: Random, account: DemoAccount, window: DemoWindow, people: number): DemoContact[] {
  const count = Math.max(1, Math.round(random.weighted(CONTACT_COUNTS[account.upgrade?.terms.plan ?? account.terms.plan]) * people));
  const leaders = account.terms.plan === 'enterprise' ? random.int(1, 3) : account.terms.plan === 'growth' ? 1 : 0;
  const activeUntil = account.churnAt ?? window.end;
  const emails = new Set<string>();
  const contacts: DemoContact[] = [];
  for (let i = 0; i < count; i++) {
    const role: DemoContact['role'] = i === 0 ? 'admin' : i <= leaders ? 'leader' : i === leaders + 1 && count > 8 ? 'admin' : 'user';
    // Some enterprise colleagues work from other countries.
    const country = account.terms.plan === 'enterprise' && random.chance(0.2) ? random.pick(COUNTRIES) : account.country;
    const firstName = random.pick(country.firstNames);
    const lastName = random.pick(country.lastNames);
    const email = uniqueEmail(`${asciiSlug(firstName)}.${asciiSlug(lastName)}`, account.domain, emails);
    const joinedAt =
      i === 0
        ? account.signedUpAt
        : account.isNew || random.chance(0.2)
          ? Math.min(activeUntil - DAY, Math.max(account.signedUpAt, window.start) + Math.floor(random.exponential(account.isNew ? 25 : 120) * DAY))
          : between(random, account.signedUpAt, window.start);
    contacts.push({
      userId: `usr_${random.hex(16)}`,
      email,
      firstName,
      lastName,
      title: random.pick(role === 'admin' ? TITLES.admin : role === 'leader' ? TITLES.leader : TITLES.user),
      role,
      locale: country.locale,
      timezone: random.pick(country.timezones),
      joinedAt,
      sessionsPerWeek: sessionsPerWeek(random, role),
      anonymousId: i === 0 && account.isNew ? random.uuid() : undefined,
    });
  }
  return contacts.filter((c) => c.joinedAt < activeUntil);
}

function sessionsPerWeek(random: Random, role: DemoContact['role']): number {
  if (role === 'admin') return 0.2 + random.next() * 0.5;
  if (role === 'leader') return 0.02 + random.next() * 0.08;
  // A quarter of seats are barely used; the rest vary a lot.
  return random.chance(0.25) ? 0.01 + random.next() * 0.03 : Math.exp(random.normal(Math.log(0.15), 0.7));
}

function companyName(random: Random, suffixes: readonly string[], taken: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const base = `${random.pick(COMPANY_WORDS)} ${random.pick(suffixes)}`;
    // With many accounts (large --scale) the combinations run out; a region word keeps names unique.
    const name = attempt < 8 ? base : `${base} ${REGIONS[attempt % REGIONS.length]}${attempt >= 8 + REGIONS.length ? ` ${Math.floor(attempt / REGIONS.length)}` : ''}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

const REGIONS = ['Nordic', 'Europe', 'International', 'Group', 'Holdings', 'Central', 'Global', 'West', 'East', 'North'];

function uniqueEmail(local: string, domain: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const email = `${local}${n === 1 ? '' : n}@${domain}`;
    if (!taken.has(email)) {
      taken.add(email);
      return email;
    }
  }
}

/** Lower-case ASCII for ids and e-mail addresses: "Håkon Černý" -> "hakon-cerny". */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/g, 'o').replace(/æ/g, 'ae').replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}
