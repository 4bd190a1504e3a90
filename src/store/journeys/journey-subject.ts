import type { Kysely } from 'kysely';
import type { ContactSubject, Subject } from '../../core/segments/subjects.js';
import { loadAccountSubject } from '../account-subject.js';
import type { Database } from '../database.js';
import type { StoreDialect } from '../dialects/dialect.js';
import { SUBJECT_EVENT_COLUMNS, subjectEvent } from '../segments/subject-rows.js';
import type { JourneySubjectRef } from './journey-runs.js';

/** What a journey run reads of its subject to take a branch and to wait until a time of day. */
export interface JourneySubject {
  subject: Subject;
  /** IANA time zone: the contact's; null for accounts (times of day are then UTC). */
  zone: string | null;
  /** Stored segment memberships of the subject and, for an account, of its contacts: segment id to subject ids. */
  memberships: Map<string, Set<string>>;
}

/** What to read of a subject: without `events`, its interactions are left out (conditions on traits and segments need none). */
export interface SubjectReads {
  events: boolean;
}

/** One contact as the reference evaluator reads it: traits and events. Reads that contact's rows only. */
export async function loadContactSubject(db: Kysely<Database>, dialect: StoreDialect, workspaceId: string, contactId: string, reads: SubjectReads = { events: true }): Promise<(ContactSubject & { zone: string | null }) | undefined> {
  const contact = await db.selectFrom('contacts').select(['id', 'traits', 'timezone']).where('workspace_id', '=', workspaceId).where('id', '=', contactId).executeTakeFirst();
  if (!contact) return undefined;
  const events = reads.events ? await db.selectFrom('events').select(SUBJECT_EVENT_COLUMNS).where('workspace_id', '=', workspaceId).where('contact_id', '=', contactId).orderBy('id').execute() : [];
  return { kind: 'contact', id: contact.id, traits: dialect.readJson(contact.traits), events: events.map((row) => subjectEvent(row, dialect)), zone: contact.timezone };
}

/** A run's subject with its memberships; undefined when the contact or account no longer exists. */
export async function loadJourneySubject(db: Kysely<Database>, dialect: StoreDialect, workspaceId: string, ref: JourneySubjectRef, reads: SubjectReads = { events: true }): Promise<JourneySubject | undefined> {
  let subject: Subject | undefined;
  let zone: string | null = null;
  if (ref.kind === 'contact') {
    const contact = await loadContactSubject(db, dialect, workspaceId, ref.id, reads);
    if (contact) {
      const { zone: contactZone, ...rest } = contact;
      subject = rest;
      zone = contactZone;
    }
  } else {
    subject = await loadAccountSubject(db, dialect, workspaceId, ref.id, reads);
  }
  if (!subject) return undefined;
  const ids = [subject.id, ...(subject.kind === 'account' ? subject.contacts.map((c) => c.id) : [])];
  const rows = await db.selectFrom('segment_members').select(['segment_id', 'subject_id']).where('workspace_id', '=', workspaceId).where('subject_id', 'in', ids).execute();
  const memberships = new Map<string, Set<string>>();
  for (const row of rows) {
    let members = memberships.get(row.segment_id);
    if (!members) memberships.set(row.segment_id, (members = new Set()));
    members.add(row.subject_id);
  }
  return { subject, zone, memberships };
}
