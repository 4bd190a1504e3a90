import { DAY_MS } from '../../src/core/activity.js';
import type { Condition, SubjectKind, TrendCondition } from '../../src/core/segments/conditions.js';
import type { Op } from '../../src/core/segments/operators.js';

/** A small seeded PRNG (mulberry32): the same seed gives the same workspace and conditions. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export const pick = <T>(rand: Random, options: readonly T[]): T => options[Math.floor(rand() * options.length)]!;
const chance = (rand: Random, p: number) => rand() < p;
const int = (rand: Random, below: number) => Math.floor(rand() * below);

// Values chosen to hit the operator rules: case, numeric strings and their near misses, booleans, arrays, nulls.
const STRINGS = ['Pro', 'pro', 'PRO', 'free', 'enterprise', '', '42', '42.0', '007', '-3.5', '1e3', ' 42', '4.', '.5', 'Product', 'a'] as const;
const NUMBERS = [0, 1, 7, 42, -3.5, 100.25, 41.99] as const;
const SCALARS = [...STRINGS, ...NUMBERS, true, false] as const;
const VALUES: readonly unknown[] = [...SCALARS, ['a', 'b'], [1, 42], ['Pro', 42, true], [], { city: 'Oslo' }];

const TRAIT_KEYS = ['plan', 'score', 'tags', 'active', 'note'] as const;
// `Email Sent` is outbound (the business reaching out): seen times and event counts leave it out.
const EVENT_NAMES = ['Signed In', 'Report Created', 'Order Completed', 'Invite Sent', 'Email Sent'] as const;
const PROPERTY_KEYS = ['plan', 'count', 'flag', 'tags'] as const;
export const SEGMENT_IDS = ['seg-a', 'seg-b', 'seg-c'] as const;

function randomRecord(rand: Random, keys: readonly string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const key of keys) if (chance(rand, 0.6)) record[key] = pick(rand, VALUES);
  if (chance(rand, 0.5)) record['address'] = chance(rand, 0.8) ? { city: pick(rand, [...STRINGS, 42, null]), zip: pick(rand, VALUES) } : pick(rand, STRINGS);
  return record;
}

const iso = (t: number) => new Date(t).toISOString();

/** Raw Segment messages for a workspace: contacts with traits, accounts with members, events over 60 days. */
export function randomWorkspaceMessages(rand: Random, now: number): object[] {
  const users = Array.from({ length: 30 }, (_, i) => `u${i}`);
  const groups = Array.from({ length: 8 }, (_, i) => `g${i}`);
  const early = iso(now - 70 * DAY_MS);
  const raw: object[] = [];
  for (const userId of users) raw.push({ type: 'identify', userId, traits: randomRecord(rand, TRAIT_KEYS), timestamp: early });
  for (const groupId of groups) {
    const traits = randomRecord(rand, ['tier', 'region', 'tags']);
    if (chance(rand, 0.8)) traits['plan'] = pick(rand, ['Pro', 'pro', 'enterprise', 'free']);
    if (chance(rand, 0.7)) traits['mrr'] = pick(rand, [0, 100, 250.5, 1000]);
    if (chance(rand, 0.5)) traits['employees'] = pick(rand, [5, 42, 300]);
    if (chance(rand, 0.5)) traits['industry'] = pick(rand, ['Retail', 'retail', 'Software']);
    const members = users.filter(() => chance(rand, 0.12));
    raw.push({ type: 'group', userId: members[0] ?? `owner-${groupId}`, groupId, traits, timestamp: early });
    for (const userId of members.slice(1)) raw.push({ type: 'group', userId, groupId, timestamp: early });
  }
  for (let i = 0; i < 300; i++) {
    const userId = pick(rand, users);
    // Some events fall on whole days before now, exactly on the edges of windows and periods.
    const ago = chance(rand, 0.1) ? int(rand, 61) * DAY_MS : int(rand, 60 * DAY_MS);
    const timestamp = iso(now - ago + (chance(rand, 0.03) ? 3 * DAY_MS : 0));
    const properties = randomRecord(rand, PROPERTY_KEYS);
    // Quarters sum exactly in doubles, in any order; a few refunds make revenue negative.
    if (chance(rand, 0.3)) properties['revenue'] = (chance(rand, 0.1) ? -1 : 1) * int(rand, 400) / 4;
    if (chance(rand, 0.1)) properties['direction'] = pick(rand, ['outbound', 'inbound']);
    const context = chance(rand, 0.2) ? { groupId: pick(rand, groups) } : {};
    const type = pick(rand, ['track', 'track', 'track', 'track', 'page', 'screen']);
    const name = pick(rand, EVENT_NAMES);
    raw.push(type === 'track' ? { type, userId, event: name, properties, context, timestamp } : { type, userId, name, properties, context, timestamp });
  }
  return raw;
}

function randomOperand(rand: Random): { op: Op; value?: unknown } {
  const op = pick(rand, ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'contains', 'startsWith', 'in', 'exists', 'notExists'] as const);
  switch (op) {
    case 'exists':
    case 'notExists':
      return { op };
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return { op, value: pick(rand, [-5, 0, 7, 42, 41.99, 100, 250.5, -3.5]) };
    case 'startsWith':
      return { op, value: pick(rand, ['P', 'pr', '', '4', '-', 'Pro', 'e']) };
    case 'in':
      return { op, value: Array.from({ length: 1 + int(rand, 3) }, () => pick(rand, SCALARS)) };
    default:
      return { op, value: pick(rand, SCALARS) };
  }
}

const days = (rand: Random) => pick(rand, [1, 3, 7, 14, 30, 90]);

function bounds(rand: Random): { atLeast?: number; atMost?: number } {
  const atLeast = chance(rand, 0.5) ? int(rand, 4) : undefined;
  const atMost = chance(rand, 0.4) ? (atLeast ?? 0) + int(rand, 3) : undefined;
  return { ...(atLeast === undefined ? {} : { atLeast }), ...(atMost === undefined ? {} : { atMost }) };
}

function seen(rand: Random): { withinDays?: number; olderThanDays?: number } {
  const a = days(rand);
  const b = days(rand);
  if (a === b || chance(rand, 0.5)) return chance(rand, 0.5) ? { withinDays: a } : { olderThanDays: a };
  return { withinDays: Math.max(a, b), olderThanDays: Math.min(a, b) };
}

/**
 * A random trend. Percents include thresholds that changes between small counts hit exactly
 * (-100, -50, 0, 100) and ones that need rounding (100/3), so `eq` and the edges are tried.
 */
export function randomTrend(rand: Random): { trend: TrendCondition } {
  const name = pick(rand, ['revenue', 'eventCount', 'eventCount'] as const);
  const op = pick(rand, ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'] as const);
  const percent = pick(rand, [-100, -75, -50, -25, 0, 25, 50, 100, 200, 100 / 3, -200 / 3, 12.5]);
  const event = chance(rand, 0.4) ? { event: pick(rand, EVENT_NAMES) } : {};
  return { trend: { name, ...event, periodDays: pick(rand, [1, 3, 7, 14, 30]), op, percent } };
}

/** A random valid condition for the subject, at most `depth` levels deep. */
export function randomCondition(rand: Random, subject: SubjectKind, depth: number): Condition {
  if (depth > 1 && chance(rand, 0.35)) {
    const kind = pick(rand, ['all', 'any', 'not'] as const);
    if (kind === 'not') return { not: randomCondition(rand, subject, depth - 1) };
    const children = Array.from({ length: int(rand, 4) }, () => randomCondition(rand, subject, depth - 1));
    return kind === 'all' ? { all: children } : { any: children };
  }
  const kinds = ['trait', 'trait', 'trait', 'event', 'event', 'firstSeen', 'lastSeen', 'computed', 'trend', 'segment', ...(subject === 'account' && depth > 1 ? ['contacts', 'contacts'] : [])];
  switch (pick(rand, kinds)) {
    case 'trait': {
      const names = ['plan', 'score', 'tags', 'active', 'note', 'address', 'address.city', 'address.zip', 'address.city.x', 'missing'];
      const accountNames = ['mrr', 'employees', 'industry', 'tier', 'region', 'contractValue', 'renewalDate', 'ownerEmail', 'complexity'];
      return { trait: { name: pick(rand, subject === 'account' ? [...names, ...accountNames] : names), ...randomOperand(rand) } };
    }
    case 'event': {
      const where = Array.from({ length: int(rand, 3) }, () => ({ property: pick(rand, [...PROPERTY_KEYS, 'address.city', 'revenue']), ...randomOperand(rand) }));
      return { event: { name: pick(rand, [...EVENT_NAMES, 'signed in']), ...(where.length ? { where } : {}), ...bounds(rand), ...(chance(rand, 0.6) ? { withinDays: days(rand) } : {}) } };
    }
    case 'firstSeen':
      return { firstSeen: seen(rand) };
    case 'lastSeen':
      return { lastSeen: seen(rand) };
    case 'computed': {
      const name = pick(rand, ['revenue', 'eventCount'] as const);
      const op = pick(rand, ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'] as const);
      return { computed: { name, op, value: name === 'revenue' ? pick(rand, [0, 10, 50.25, 100, 400]) : int(rand, 20), ...(chance(rand, 0.5) ? { withinDays: days(rand) } : {}) } };
    }
    case 'trend':
      return randomTrend(rand);
    case 'segment':
      return { segment: { id: pick(rand, SEGMENT_IDS), ...(chance(rand, 0.4) ? { in: false } : {}) } };
    default:
      return { contacts: { ...bounds(rand), condition: randomCondition(rand, 'contact', depth - 1) } };
  }
}
