import { EXAMPLE_SEGMENTS } from '../../src/core/segments/examples.js';
import { parseSegmentDefinition, type SegmentDefinition } from '../../src/core/segments/segment-definition.js';
import { segmentReferenceProblems } from '../../src/engine/definitions/segment-references.js';

/**
 * The benchmark's 50 segments: the 10 shipped examples and 40 more over the demo's data, 20 on
 * contacts and 20 on accounts, so that every kind of condition is evaluated at scale: traits
 * (typed account columns and JSON traits), events with property filters, counts and windows,
 * first and last seen, computed values, trends, references to other segments, and for
 * accounts roll-ups of their contacts. Fixed data: every run evaluates the same definitions.
 */
const CONTACT_SEGMENTS: SegmentDefinition[] = [
  contact('bench-admins', { trait: { name: 'role', op: 'eq', value: 'admin' } }),
  contact('bench-leaders-outside-us', { all: [{ trait: { name: 'role', op: 'eq', value: 'leader' } }, { not: { trait: { name: 'locale', op: 'eq', value: 'en-US' } } }] }),
  contact('bench-managers', { trait: { name: 'title', op: 'contains', value: 'Manager' } }),
  contact('bench-nordic-or-german', { trait: { name: 'locale', op: 'in', value: ['nb-NO', 'de-DE'] } }),
  contact('bench-workflow-users', { event: { name: 'Feature Used', where: [{ property: 'feature', op: 'eq', value: 'Workflows' }], atLeast: 5, withinDays: 30 } }),
  contact('bench-spreadsheet-exporters', { event: { name: 'Report Exported', where: [{ property: 'format', op: 'in', value: ['csv', 'xlsx'] }], atLeast: 2, withinDays: 90 } }),
  contact('bench-urgent-tickets', { event: { name: 'Ticket Created', where: [{ property: 'priority', op: 'in', value: ['high', 'urgent'] }], withinDays: 30 } }),
  contact('bench-email-clickers', { event: { name: 'Email Link Clicked', atLeast: 2, withinDays: 60 } }),
  contact('bench-new-contacts', { firstSeen: { withinDays: 30 } }),
  contact('bench-long-time-contacts', { firstSeen: { olderThanDays: 180 } }),
  contact('bench-dormant', { lastSeen: { olderThanDays: 30 } }),
  contact('bench-seen-today', { lastSeen: { withinDays: 1 } }),
  contact('bench-power-users', { computed: { name: 'eventCount', op: 'gte', value: 60, withinDays: 30 } }),
  contact('bench-paying-contacts', { computed: { name: 'revenue', op: 'gt', value: 0, withinDays: 90 } }),
  contact('bench-declining-contacts', { trend: { name: 'eventCount', periodDays: 14, op: 'lte', percent: -50 } }),
  contact('bench-rising-feature-use', { trend: { name: 'eventCount', event: 'Feature Used', periodDays: 7, op: 'gte', percent: 100 } }),
  contact('bench-happy-power-users', { all: [{ segment: { id: 'bench-power-users' } }, { segment: { id: 'detractors', in: false } }] }),
  contact('bench-dormant-admins', { all: [{ segment: { id: 'bench-dormant' } }, { segment: { id: 'bench-admins' } }] }),
  contact('bench-promoters', { event: { name: 'Survey Responded', where: [{ property: 'score', op: 'gte', value: 9 }], withinDays: 180 } }),
  contact('bench-active-without-sign-in', { all: [{ lastSeen: { withinDays: 30 } }, { event: { name: 'Signed In', atMost: 0, withinDays: 30 } }] }),
];

const ACCOUNT_SEGMENTS: SegmentDefinition[] = [
  account('bench-growth-plan', { trait: { name: 'plan', op: 'eq', value: 'growth' } }),
  account('bench-high-mrr', { trait: { name: 'mrr', op: 'gte', value: 2_000 } }),
  account('bench-german-accounts', { trait: { name: 'country', op: 'eq', value: 'DE' } }),
  account('bench-complex-accounts', { trait: { name: 'complexity', op: 'eq', value: 'high' } }),
  account('bench-churned', { trait: { name: 'status', op: 'eq', value: 'churned' } }),
  account('bench-large-companies', { all: [{ trait: { name: 'employees', op: 'gte', value: 500 } }, { trait: { name: 'owner', op: 'exists' } }] }),
  account('bench-ticket-heavy', { event: { name: 'Ticket Created', atLeast: 5, withinDays: 30 } }),
  account('bench-ordered-this-year', { event: { name: 'Order Completed', withinDays: 365 } }),
  account('bench-api-heavy', { event: { name: 'Feature Used', where: [{ property: 'feature', op: 'in', value: ['API', 'Data Warehouse Sync'] }], atLeast: 20, withinDays: 30 } }),
  account('bench-new-accounts', { firstSeen: { withinDays: 90 } }),
  account('bench-quiet-accounts', { lastSeen: { olderThanDays: 14 } }),
  account('bench-high-revenue', { computed: { name: 'revenue', op: 'gte', value: 50_000, withinDays: 365 } }),
  account('bench-busy-accounts', { computed: { name: 'eventCount', op: 'gte', value: 500, withinDays: 30 } }),
  account('bench-growing-accounts', { trend: { name: 'eventCount', periodDays: 30, op: 'gte', percent: 50 } }),
  account('bench-fewer-sign-ins', { trend: { name: 'eventCount', event: 'Signed In', periodDays: 7, op: 'lte', percent: -30 } }),
  account('bench-broad-adoption', { contacts: { atLeast: 5, condition: { lastSeen: { withinDays: 30 } } } }),
  account('bench-has-power-user', { contacts: { condition: { segment: { id: 'bench-power-users' } } } }),
  account('bench-no-active-admin', { contacts: { atMost: 0, condition: { all: [{ trait: { name: 'role', op: 'eq', value: 'admin' } }, { lastSeen: { withinDays: 30 } }] } } }),
  account('bench-healthy', { all: [{ segment: { id: 'activated' } }, { segment: { id: 'unhappy-accounts', in: false } }, { segment: { id: 'bench-broad-adoption' } }] }),
  account('bench-at-risk', { any: [{ segment: { id: 'usage-collapsed' } }, { segment: { id: 'support-ticket-spike' } }, { segment: { id: 'unhappy-accounts' } }, { segment: { id: 'bench-no-active-admin' } }] }),
];

/** The 50 segments, each checked by the product's schema, with every reference resolved and no cycle. */
export const BENCH_SEGMENTS: readonly SegmentDefinition[] = checked([...EXAMPLE_SEGMENTS, ...CONTACT_SEGMENTS, ...ACCOUNT_SEGMENTS]);

function contact(id: string, condition: SegmentDefinition['condition']): SegmentDefinition {
  return { id, name: title(id), subject: 'contact', condition };
}

function account(id: string, condition: SegmentDefinition['condition']): SegmentDefinition {
  return { id, name: title(id), subject: 'account', condition };
}

function title(id: string): string {
  const words = id.replace(/^bench-/, '').split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function checked(segments: SegmentDefinition[]): SegmentDefinition[] {
  for (const segment of segments) {
    const parsed = parseSegmentDefinition(segment);
    if (!parsed.ok) throw new Error(`benchmark segment ${segment.id} is invalid: ${JSON.stringify(parsed.issues)}`);
  }
  const problems = segmentReferenceProblems(segments, segments);
  if (problems.length > 0) throw new Error(`benchmark segments refer badly: ${JSON.stringify(problems)}`);
  if (new Set(segments.map((s) => s.id)).size !== segments.length) throw new Error('benchmark segment ids repeat');
  return segments;
}
