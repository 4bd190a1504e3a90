import type { Account } from '../records.js';
import type { SubjectKind } from './conditions.js';
import { readPath } from './operators.js';

/** An event of the subject's timeline as segments read it. Times are epoch milliseconds. */
export interface SubjectEvent {
  /** The message type: track, page, screen (identify, group and alias are not interactions). */
  type: string;
  /** Track: the event name; page/screen: the page or screen name. */
  name: string | null;
  timestamp: number;
  properties: Record<string, unknown>;
  revenue: number | null;
  channel: string | null;
  /** Who acted: the customer (inbound, or not said) or the business reaching out (outbound: an e-mail sent, a CSM's call). */
  direction?: string | null;
}

export interface ContactSubject {
  kind: 'contact';
  id: string;
  traits: Record<string, unknown>;
  events: SubjectEvent[];
}

/** The typed account fields a trait condition can name; each wins over a same-named trait. */
export const ACCOUNT_FIELDS = ['plan', 'mrr', 'contractValue', 'industry', 'employees', 'complexity', 'renewalDate', 'ownerEmail'] as const;
export type AccountField = (typeof ACCOUNT_FIELDS)[number];

export interface AccountSubject {
  kind: 'account';
  id: string;
  fields: Pick<Account, AccountField>;
  traits: Record<string, unknown>;
  /** The account's events: those with its groupId and those of its contacts. */
  events: SubjectEvent[];
  contacts: ContactSubject[];
}

export type Subject = ContactSubject | AccountSubject;

export interface SegmentContext {
  now: number;
  /** Whether the subject is in another segment, as last computed by the caller. */
  memberships: (segmentId: string, subjectKind: SubjectKind, subjectId: string) => boolean;
}

function isAccountField(name: string): name is AccountField {
  return (ACCOUNT_FIELDS as readonly string[]).includes(name);
}

/**
 * The value a trait condition reads. For an account, a field name reads the field only: a
 * null field is missing even when a trait of that name exists, because the field is what the
 * account's traits were normalised into. Dotted names (`address.city`) read nested traits.
 */
export function traitValue(subject: Subject, name: string): unknown {
  if (subject.kind === 'account' && isAccountField(name)) return subject.fields[name];
  return readPath(subject.traits, name);
}
