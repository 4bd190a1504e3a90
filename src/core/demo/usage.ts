import { DAY, duringWorkingHours, occurrences } from './calendar.js';
import type { DemoAccount, DemoContact, DemoWindow } from './demo-accounts.js';
import { activeUntil, personSince } from './lifecycle.js';
import { PRODUCT } from './names.js';
import type { Random } from './random.js';
import type { Story } from './story.js';

const COMPLEXITY_ACTIVITY = { low: 0.8, medium: 1, high: 1.25 } as const;

/**
 * Product sessions of each person: sign-in, a page or two, some feature use. Busier in the
 * first month, busier for healthy and complex accounts, fading before a cancellation;
 * `activity` scales it all.
 */
export function usageEvents(story: Story, random: Random, account: DemoAccount, window: DemoWindow, activity = 1): void {
  const until = activeUntil(account, window);
  const features = featuresOf(account);
  const base = (0.5 + account.health) * COMPLEXITY_ACTIVITY[account.complexity] * activity;
  for (const contact of account.contacts) {
    const from = personSince(account, contact, window);
    const rate = contact.sessionsPerWeek * base;
    const onboardingEnd = Math.min(until, contact.joinedAt + 30 * DAY);
    const fadeFrom = account.churnAt !== undefined ? Math.max(from, account.churnAt - 90 * DAY) : until;
    const times = [
      ...occurrences(random, from, Math.min(onboardingEnd, fadeFrom), rate * 2.5),
      ...occurrences(random, Math.max(from, onboardingEnd), fadeFrom, rate),
      ...occurrences(random, fadeFrom, until, rate * 0.3),
    ];
    for (const time of times) {
      const start = duringWorkingHours(random, time, contact.timezone);
      if (start >= from && start < until) session(story, random, contact, start, features);
    }
  }
}

function session(story: Story, random: Random, contact: DemoContact, start: number, features: readonly string[]): void {
  let at = start;
  const later = () => (at += random.int(20, 300) * 1000);
  const mobile = random.chance(0.08);
  if (random.chance(0.6)) story.track(at, contact, 'Signed In', { method: random.pick(['password', 'sso', 'google']) });
  for (let i = random.int(1, 2); i > 0; i--) {
    const page = random.pick(PRODUCT.appPages);
    if (mobile) story.screen(later(), contact, page.name);
    else story.page(later(), contact, page, PRODUCT.app);
  }
  for (let i = random.int(1, 3); i > 0; i--) {
    const action = random.weighted([['feature', 50], ['dashboard', 32], ['report', 13], ['export', 5]] as const);
    switch (action) {
      case 'feature':
        story.track(later(), contact, 'Feature Used', { feature: random.pick(features) });
        break;
      case 'dashboard':
        story.track(later(), contact, 'Dashboard Viewed', { dashboard: random.pick(PRODUCT.dashboards) });
        break;
      case 'report':
        story.track(later(), contact, 'Report Created', { report_type: random.pick(PRODUCT.reportTypes), charts: random.int(1, 8) });
        break;
      case 'export':
        story.track(later(), contact, 'Report Exported', { format: random.pick(['csv', 'xlsx', 'pdf']) });
        break;
    }
  }
}

function featuresOf(account: DemoAccount): string[] {
  const { low, medium, high } = PRODUCT.features;
  if (account.complexity === 'high') return [...low, ...medium, ...high];
  if (account.complexity === 'medium') return [...low, ...low, ...medium];
  return [...low, ...low, ...low, medium[0]!];
}
