import { addMonths, between, DAY, duringWorkingHours, HOUR, occurrences, WEEK } from './calendar.js';
import type { DemoAccount, DemoContact, DemoWindow } from './demo-accounts.js';
import { activeUntil, personSince } from './lifecycle.js';
import { PRODUCT } from './names.js';
import type { Random } from './random.js';
import type { Story } from './story.js';

const MONTH = 30 * DAY;

/**
 * Touchpoints outside the product: newsletters, support tickets, chats, calls and meetings
 * with the account's CSM, trainings, social mentions, reviews and NPS surveys. High-touch
 * accounts (with an owner) get calls and meetings; unhappy accounts open more tickets.
 */
export function conversationEvents(story: Story, random: Random, account: DemoAccount, window: DemoWindow): void {
  const until = activeUntil(account, window);
  const since = new Map(account.contacts.map((c) => [c, personSince(account, c, window)]));
  const people = (at: number) => account.contacts.filter((c) => since.get(c)! <= at);
  /** `t` moved into the person's working hours, if they are around then. */
  const when = (t: number, contact: DemoContact) => {
    const at = duringWorkingHours(random, t, contact.timezone);
    return at >= since.get(contact)! && at < until ? at : undefined;
  };
  const someone = (at: number, prefer?: DemoContact['role']) => {
    const present = people(at);
    const preferred = prefer ? present.filter((c) => c.role === prefer || c.role === 'admin') : present;
    return random.pick(preferred.length > 0 ? preferred : present.length > 0 ? present : account.contacts);
  };
  const from = Math.max(window.start, account.signedUpAt);
  const plan = account.terms.plan;
  const size = plan === 'enterprise' ? 3 : plan === 'growth' ? 1.5 : 1;

  newsletters(story, random, account, window, until, people);

  const ticketsPerMonth = (plan === 'enterprise' ? 3 : plan === 'growth' ? 0.8 : 0.25) * (1.6 - account.health);
  for (const t of occurrences(random, from, until, ticketsPerMonth * (WEEK / MONTH))) {
    const contact = someone(t);
    const at = when(t, contact);
    if (at === undefined) continue;
    const ticketId = `T-${random.int(10_000, 99_999)}`;
    const priority = random.weighted([['low', 30], ['normal', 50], ['high', 15], ['urgent', 5]] as const);
    story.track(at, contact, 'Ticket Created', { ticket_id: ticketId, subject: random.pick(PRODUCT.ticketSubjects), priority });
    const hours = Math.max(0.2, random.exponential(priority === 'urgent' ? 3 : 20));
    const solvedAt = at + Math.floor(hours * HOUR);
    if (solvedAt >= window.end) continue;
    story.track(solvedAt, contact, 'Ticket Solved', { ticket_id: ticketId, resolution_hours: Math.round(hours * 10) / 10 });
    // The satisfaction survey after a solved ticket: a third answer it.
    const answeredAt = solvedAt + random.int(1, 48) * HOUR;
    if (random.chance(0.35) && answeredAt < window.end) {
      const rating = Math.max(1, Math.min(5, Math.round(1.5 + account.health * 3.5 - (priority === 'urgent' ? 1 : 0) + random.normal(0, 0.8))));
      story.track(answeredAt, contact, 'Survey Responded', { survey: 'CSAT', score: rating, ticket_id: ticketId });
    }
  }

  for (const t of occurrences(random, from, until, 0.5 * size * (WEEK / MONTH))) {
    const contact = someone(t);
    const at = when(t, contact);
    if (at === undefined) continue;
    const conversationId = `conv_${random.hex(10)}`;
    story.track(at, contact, 'Live Chat Conversation Started', { conversation_id: conversationId, topic: random.pick(PRODUCT.chatTopics) });
    story.track(at + random.int(3, 40) * 60_000, contact, 'Live Chat Conversation Ended', { conversation_id: conversationId });
  }

  if (account.owner) {
    const owner = account.owner.email;
    for (const t of occurrences(random, from, until, (plan === 'enterprise' ? 2 : 0.6) * (WEEK / MONTH))) {
      const contact = someone(t, 'leader');
      const at = when(t, contact);
      if (at !== undefined) story.track(at, contact, 'Call Completed', { duration_seconds: random.int(120, 3600), agent: owner, direction: random.chance(0.8) ? 'outbound' : 'inbound', topic: random.pick(['check-in', 'renewal', 'escalation', 'expansion', 'onboarding']) });
    }
    const meetingsPerMonth = plan === 'enterprise' ? 0.6 : 0.15;
    for (const t of occurrences(random, from, until, meetingsPerMonth * (WEEK / MONTH))) {
      const contact = someone(t, 'leader');
      const at = when(t, contact);
      if (at !== undefined) story.track(at, contact, 'Meeting Held', { meeting_type: random.weighted([['Quarterly Business Review', 3], ['Check-in', 4], ['Executive Sponsor Meeting', 1], ['Onsite Workshop', 1]]), csm: owner, attendees: random.int(2, 8) });
    }
    for (const contact of account.contacts) {
      if (!random.chance(plan === 'enterprise' ? 0.35 : 0.15)) continue;
      const at = when(since.get(contact)! + random.int(3, 40) * DAY, contact);
      if (at !== undefined) story.track(at, contact, 'Training Attended', { course: random.pick(['Getting Started', 'Advanced Reporting', 'Admin Essentials', 'Workflows Deep Dive']), trainer: owner });
    }
  }

  for (const t of occurrences(random, from, until, 0.06 * size * (WEEK / MONTH))) {
    const contact = someone(t);
    const sentiment = sentimentOf(random, account.health);
    if (t >= since.get(contact)!) story.track(t, contact, 'Social Mention', { network: random.pick(['linkedin', 'twitter', 'reddit']), sentiment, followers: Math.round(random.exponential(800)) });
  }

  if (random.chance(0.15) && until - from > 30 * DAY) {
    const contact = someone(until);
    const rating = Math.max(1, Math.min(5, Math.round(1 + account.health * 4 + random.normal(0, 0.7))));
    const at = between(random, Math.max(from, since.get(contact)!) + 30 * DAY, until);
    if (at < until) story.track(at, contact, 'Review Submitted', { rating, site: random.pick(PRODUCT.reviewSites), sentiment: rating >= 4 ? 'positive' : rating === 3 ? 'neutral' : 'negative' });
  }

  // Happy customers recommend the product now and then.
  for (const t of occurrences(random, from, until, 0.03 * size * account.health * (WEEK / MONTH))) {
    const contact = someone(t);
    const at = when(t, contact);
    if (at !== undefined) story.track(at, contact, 'Referral Sent', { channel: 'email' });
  }

  for (const wave of [window.start + 100 * DAY, window.start + 280 * DAY]) {
    for (const contact of people(wave)) {
      if (wave >= until || wave < from || !random.chance(0.3)) continue;
      const score = Math.max(0, Math.min(10, Math.round(3 + account.health * 7 + random.normal(0, 1.5))));
      const at = when(wave + random.int(0, 10) * DAY, contact);
      if (at !== undefined) story.track(at, contact, 'Survey Responded', { survey: 'NPS', score, sentiment: score >= 9 ? 'positive' : score >= 7 ? 'neutral' : 'negative' });
    }
  }
}

/** A campaign on the 5th of every month; each person opens some and clicks a few. */
function newsletters(story: Story, random: Random, account: DemoAccount, window: DemoWindow, until: number, people: (at: number) => DemoContact[]): void {
  const first = Date.UTC(new Date(window.start).getUTCFullYear(), new Date(window.start).getUTCMonth(), 5, 9);
  for (let n = 0; ; n++) {
    const sentAt = addMonths(first, n);
    if (sentAt >= until) break;
    if (sentAt < window.start) continue;
    const campaign = PRODUCT.campaigns[n % PRODUCT.campaigns.length]!;
    const emailId = `em_${n}_${campaign.toLowerCase().replace(/\W+/g, '-')}`;
    for (const contact of people(sentAt)) {
      if (!random.chance(0.2 + 0.25 * account.health)) continue;
      const openedAt = sentAt + Math.floor(random.exponential(10 * HOUR));
      if (openedAt >= window.end) continue;
      story.track(openedAt, contact, 'Email Opened', { campaign_name: campaign, email_id: emailId, email_subject: `${campaign}: what's new this month` });
      if (random.chance(0.25)) story.track(openedAt + random.int(5, 600) * 1000, contact, 'Email Link Clicked', { campaign_name: campaign, email_id: emailId, link_url: `${PRODUCT.site}/blog` });
    }
  }
}

function sentimentOf(random: Random, health: number): 'positive' | 'neutral' | 'negative' {
  const roll = health + random.normal(0, 0.25);
  return roll > 0.7 ? 'positive' : roll > 0.4 ? 'neutral' : 'negative';
}
