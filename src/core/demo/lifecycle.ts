import { addMonths, between, DAY, duringWorkingHours, HOUR } from './calendar.js';
import { renewalAfter, termsAt, type DemoAccount, type DemoContact, type DemoWindow, type PlanTerms } from './demo-accounts.js';
import { CSMS, PRODUCT } from './names.js';
import type { Random } from './random.js';
import type { Story } from './story.js';

/** Until when an account is active: its cancellation, or the end of the window. */
export function activeUntil(account: DemoAccount, window: DemoWindow): number {
  return account.churnAt ?? window.end;
}

/** When a person's first message is sent: the first sync or sign-up, then their joining. */
export function personSince(account: DemoAccount, contact: DemoContact, window: DemoWindow): number {
  const firstSeen = Math.max(account.signedUpAt, window.start);
  return contact === account.contacts[0] ? firstSeen : Math.max(contact.joinedAt, firstSeen + HOUR);
}

/**
 * The account's life: website visits and sign-up (new accounts) or the first sync of an
 * existing customer, people joining, trial, subscription, invoices, renewals, an upgrade or
 * a cancellation.
 */
export function lifecycleEvents(story: Story, random: Random, account: DemoAccount, window: DemoWindow): void {
  const admin = account.contacts[0]!;
  const firstSeen = Math.max(account.signedUpAt, window.start);
  if (account.isNew) {
    signUp(story, random, account, admin);
  } else {
    story.identify(firstSeen, admin, contactTraits(admin));
    story.group(firstSeen + 1000, admin, accountTraits(account, firstSeen));
  }

  for (const contact of account.contacts) {
    if (contact === admin) continue;
    const at = personSince(account, contact, window);
    story.identify(at, contact, contactTraits(contact));
    if (contact.joinedAt >= window.start) {
      const invitedAt = Math.max(firstSeen + 60_000, at - random.int(1, 48) * HOUR);
      story.track(invitedAt, admin, 'Invite Sent', { invitee_email: contact.email, invitee_role: contact.role });
      story.track(at, contact, 'Signed Up', { invited: true, method: random.pick(['email', 'google', 'microsoft']) });
    }
  }

  if (account.subscribedAt !== undefined) billing(story, random, account, window, admin);
  if (account.upgrade) {
    const { at, terms } = account.upgrade;
    story.track(at, admin, 'Plan Upgraded', { from_plan: account.terms.plan, to_plan: terms.plan, mrr: terms.mrr });
    story.group(at, admin, { ...termTraits(terms), renewalDate: isoDate(renewalAfter(account, at)), ...(account.owner ? {} : ownerAfterUpgrade(terms)) });
  }
  if (account.churnAt !== undefined) {
    const reason = random.pick(['too expensive', 'missing features', 'switched to a competitor', 'company closed', 'no longer needed', 'poor onboarding']);
    story.track(account.churnAt, admin, 'Subscription Cancelled', { plan: termsAt(account, account.churnAt).plan, reason });
    story.group(account.churnAt, admin, { status: 'churned', churnedAt: new Date(account.churnAt).toISOString(), mrr: 0, contractValue: 0, renewalDate: null });
    if (account.deletedAt !== undefined) story.track(account.deletedAt, admin, 'Account Deleted', { reason });
  }
}

function signUp(story: Story, random: Random, account: DemoAccount, admin: DemoContact): void {
  const visitor = { anonymousId: admin.anonymousId!, locale: admin.locale, timezone: admin.timezone };
  const firstVisit = account.signedUpAt - random.int(1, 20) * DAY;
  for (let i = random.int(2, 6); i > 0; i--) {
    const visit = duringWorkingHours(random, between(random, firstVisit, account.signedUpAt - HOUR), admin.timezone);
    // Moving a visit into working hours must not move it past the sign-up.
    const at = visit < account.signedUpAt - 5 * 60_000 ? visit : account.signedUpAt - random.int(10, 180) * 60_000;
    story.page(at, visitor, random.pick(PRODUCT.marketingPages), PRODUCT.site);
  }
  const at = account.signedUpAt;
  story.page(at - 60_000, visitor, { name: 'Sign Up', path: '/signup' }, PRODUCT.site);
  story.identify(at, admin, contactTraits(admin), true);
  story.track(at + 1000, admin, 'Signed Up', { method: random.pick(['email', 'google', 'microsoft']) });
  // How they heard of us: some accepted a customer's referral, most answer the sign-up survey.
  if (random.chance(0.15)) story.track(at + 1500, admin, 'Referral Accepted', { referral_code: `ref_${random.hex(6)}` });
  else if (random.chance(0.7)) story.track(at + 1500, admin, 'Survey Responded', { survey: 'attribution', answer: random.weighted(PRODUCT.acquisitionSources) });
  story.group(at + 2000, admin, { ...baseTraits(account, at), plan: 'trial', status: 'trialing' });
  story.track(at + 3000, admin, 'Account Created', { account_name: account.name });
  story.track(at + 4000, admin, 'Trial Started', { trial_days: 14, plan: account.terms.plan });
  if (random.chance(0.85)) story.track(at + random.int(1, 7) * DAY, admin, 'Onboarding Completed', { steps_completed: random.int(4, 6) });
  const trialEnd = at + 14 * DAY;
  if (account.subscribedAt !== undefined) {
    story.track(trialEnd, admin, 'Trial Ended', { converted: true });
    story.track(trialEnd + 60_000, admin, 'Subscription Started', { plan: account.terms.plan, billing: account.terms.billing, mrr: account.terms.mrr });
    story.group(trialEnd + 60_000, admin, accountTraits(account, trialEnd + 60_000));
  }
}

/** Invoices (monthly, or yearly with a renewal) while the account is a customer. */
function billing(story: Story, random: Random, account: DemoAccount, window: DemoWindow, admin: DemoContact): void {
  const until = activeUntil(account, window);
  for (let n = 0; ; n++) {
    const at = addMonths(account.subscribedAt!, n);
    if (at >= until) break;
    if (at < window.start) continue;
    const terms = termsAt(account, at);
    const anniversary = n % 12 === 0;
    if (terms.billing === 'monthly' || anniversary) {
      if (anniversary && n > 0) story.track(at, admin, 'Subscription Renewed', { plan: terms.plan, contract_value: terms.contractValue, term: terms.billing });
      story.track(at + 60_000, admin, 'Order Completed', {
        order_id: `inv_${random.hex(10)}`,
        revenue: terms.billing === 'monthly' ? terms.mrr : terms.contractValue,
        currency: 'USD',
        plan: terms.plan,
        billing_period: terms.billing,
      });
      story.group(at + 120_000, admin, { renewalDate: isoDate(renewalAfter(account, at + 120_000)) });
    }
  }
}

export function contactTraits(contact: DemoContact): Record<string, unknown> {
  return {
    email: contact.email,
    firstName: contact.firstName,
    lastName: contact.lastName,
    name: `${contact.firstName} ${contact.lastName}`,
    title: contact.title,
    role: contact.role,
    locale: contact.locale,
    timezone: contact.timezone,
    createdAt: new Date(contact.joinedAt).toISOString(),
  };
}

function baseTraits(account: DemoAccount, at: number): Record<string, unknown> {
  return {
    name: account.name,
    website: `https://www.${account.domain}`,
    industry: account.industry,
    employees: account.employees,
    country: account.country.code,
    createdAt: new Date(Math.min(account.signedUpAt, at)).toISOString(),
  };
}

function accountTraits(account: DemoAccount, at: number): Record<string, unknown> {
  return {
    ...baseTraits(account, at),
    ...termTraits(termsAt(account, at)),
    status: 'active',
    complexity: account.complexity,
    renewalDate: isoDate(renewalAfter(account, at)),
    ...(account.owner ? { owner: account.owner.email, ownerName: account.owner.name } : {}),
  };
}

function termTraits(terms: PlanTerms): Record<string, unknown> {
  return { plan: terms.plan, mrr: terms.mrr, contractValue: terms.contractValue, billing: terms.billing };
}

/** An account that grows into enterprise gets a CSM from our team. */
function ownerAfterUpgrade(terms: PlanTerms): Record<string, unknown> {
  const csm = CSMS[0]!;
  return terms.plan === 'enterprise' ? { owner: csm.email, ownerName: csm.name } : {};
}

function isoDate(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString().slice(0, 10);
}
