import { DAY_MS } from '../../../src/core/activity.js';
import type { AccountSubject, ContactSubject, SegmentContext, SubjectEvent } from '../../../src/core/segments/subjects.js';

/** Builders for segment tests: subjects, events at a number of days before NOW, a context. */
export const NOW = Date.UTC(2026, 5, 15, 12);
export { DAY_MS };

export function daysAgo(days: number): number {
  return NOW - days * DAY_MS;
}

export function track(name: string, at: number, properties: Record<string, unknown> = {}, revenue: number | null = null): SubjectEvent {
  return { type: 'track', name, timestamp: at, properties, revenue, channel: 'in_app' };
}

export function page(name: string, at: number): SubjectEvent {
  return { type: 'page', name, timestamp: at, properties: {}, revenue: null, channel: 'web' };
}

export function contact(id: string, options: { traits?: Record<string, unknown>; events?: SubjectEvent[] } = {}): ContactSubject {
  return { kind: 'contact', id, traits: options.traits ?? {}, events: options.events ?? [] };
}

export function account(
  id: string,
  options: { fields?: Partial<AccountSubject['fields']>; traits?: Record<string, unknown>; events?: SubjectEvent[]; contacts?: ContactSubject[] } = {},
): AccountSubject {
  const fields: AccountSubject['fields'] = {
    plan: null, mrr: null, contractValue: null, industry: null, employees: null, complexity: null, renewalDate: null, ownerEmail: null,
    ...options.fields,
  };
  return { kind: 'account', id, fields, traits: options.traits ?? {}, events: options.events ?? [], contacts: options.contacts ?? [] };
}

/** A context whose memberships are listed as `segmentId:subjectId`. */
export function context(members: string[] = [], now = NOW): SegmentContext {
  const set = new Set(members);
  return { now, memberships: (segmentId, _kind, subjectId) => set.has(`${segmentId}:${subjectId}`) };
}
