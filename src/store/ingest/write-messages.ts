import type { Kysely, Transaction } from 'kysely';
import { activityOf } from '../../core/activity.js';
import { resolveAlias, resolveContact } from '../../core/identity.js';
import { classifyInteraction, type Interaction } from '../../core/interactions.js';
import type { SegmentMessage } from '../../core/segment-messages.js';
import type { WriteKinds } from '../../core/segments/write-relevance.js';
import { addToActivityRollup } from '../activity-rollup.js';
import type { Database } from '../database.js';
import type { StoreDialect } from '../dialects/dialect.js';
import { chunks } from '../chunks.js';
import { consentWithdrawal } from '../../core/delivery/consent-events.js';
import { applyConsentWithdrawals } from './consent-writes.js';
import { BatchIdentities } from './known-identities.js';
import { applyAccountTraits, applyContactTraits, addMemberships, mergeContacts } from './profile-writes.js';

export interface WriteResult {
  /** Messages stored by this call. */
  stored: number;
  /** Messages whose `messageId` was already stored: retries, kept once. */
  duplicates: number;
  /** Whose data the write changed, so that segment memberships can be updated for them alone. */
  touched: TouchedSubjects;
}

/** Subjects whose events, traits, identities or memberships a write changed, each once. */
export interface TouchedSubjects {
  /** Contact ids, including contacts merged away (they no longer exist, so they leave every segment). */
  contacts: string[];
  /** Account group ids. */
  accounts: string[];
  /** What kind of change it was, so a refresh can skip segments it cannot affect; absent: any. */
  writes?: WriteKinds;
}

const EVENT_COLUMNS = 20;
/** Calls that change profiles (traits, identities, memberships) rather than add interactions. */
const PROFILE_CALLS: ReadonlySet<string> = new Set(['identify', 'group', 'alias']);

/**
 * Stores validated messages in one transaction: resolves each to a contact, stores it as an
 * event (once per `messageId`), and applies what identify, group and alias calls say about
 * contacts and accounts, and what e-mail events from an ESP say about consent (a hard bounce,
 * a spam complaint, an unsubscribe put the address on the suppression list). Everything or nothing is stored, so a 2xx can follow the commit.
 */
export async function writeMessages(
  db: Kysely<Database>,
  dialect: StoreDialect,
  workspaceId: string,
  messages: readonly SegmentMessage[],
  newContactId: () => string,
): Promise<WriteResult> {
  if (messages.length === 0) return { stored: 0, duplicates: 0, touched: { contacts: [], accounts: [] } };
  return db.transaction().execute(async (trx) => {
    const fresh = await withoutStored(trx, workspaceId, messages);
    const contactOf = await resolveContacts(trx, workspaceId, fresh, newContactId);
    const interactions = new Map(fresh.map((m) => [m.messageId, classifyInteraction(m)]));
    const inserted = await insertEvents(trx, dialect, workspaceId, fresh, contactOf.contactOfMessage, interactions);
    const stored = fresh.filter((m) => inserted.has(m.messageId));
    await addToActivityRollup(trx, workspaceId, activityOf(stored.map((m) => ({ timestamp: m.timestamp, interaction: interactions.get(m.messageId) ?? null }))));
    for (const merge of contactOf.merges) await mergeContacts(trx, dialect, workspaceId, merge.from, contactOf.finalId(merge.into));
    await applyContactTraits(trx, dialect, workspaceId, stored.filter((m) => m.type === 'identify').map((m) => ({ contactId: contactOf.contactOfMessage(m.messageId)!, traits: withContextProfile(m), at: m.receivedAt })));
    const withGroup = stored.filter((m) => m.groupId !== null);
    const accounts = await applyAccountTraits(trx, dialect, workspaceId, withGroup.map((m) => ({ groupId: m.groupId!, traits: m.type === 'group' ? m.traits : {}, at: m.receivedAt })));
    await applyConsentWithdrawals(trx, workspaceId, stored.flatMap((m) => {
      const withdrawal = consentWithdrawal(m);
      const contactId = contactOf.contactOfMessage(m.messageId);
      return withdrawal && contactId ? [{ contactId, withdrawal, at: m.receivedAt }] : [];
    }));
    const memberships = await addMemberships(trx, workspaceId, withGroup.flatMap((m) => {
      const contactId = contactOf.contactOfMessage(m.messageId);
      return contactId ? [{ groupId: m.groupId!, contactId, at: m.timestamp }] : [];
    }));
    const writes: WriteKinds = {
      profiles: fresh.some((m) => PROFILE_CALLS.has(m.type)) || contactOf.merges.length > 0 || contactOf.created > 0 || accounts.created > 0 || memberships.created > 0,
      interactions: stored.some((m) => !PROFILE_CALLS.has(m.type)),
      eventNames: [...new Set(stored.flatMap((m) => (m.type === 'track' && m.event ? [m.event] : [])))],
      revenue: stored.some((m) => !PROFILE_CALLS.has(m.type) && (interactions.get(m.messageId)?.revenue ?? null) !== null),
    };
    return { stored: stored.length, duplicates: messages.length - stored.length, touched: { ...touchedBy(fresh, withGroup, contactOf), writes } };
  });
}

/**
 * Every contact a fresh message resolved to (even when another process stored the event
 * first, its identities and merges are this write's), both sides of each merge, and the
 * accounts of stored messages. Erring on the side of more only costs a re-evaluation.
 */
function touchedBy(fresh: readonly SegmentMessage[], withGroup: readonly SegmentMessage[], contactOf: ContactResolution): TouchedSubjects {
  const contacts = new Set<string>();
  for (const m of fresh) {
    const contactId = contactOf.contactOfMessage(m.messageId);
    if (contactId !== undefined) contacts.add(contactId);
  }
  for (const merge of contactOf.merges) contacts.add(merge.from).add(contactOf.finalId(merge.into));
  return { contacts: [...contacts], accounts: [...new Set(withGroup.map((m) => m.groupId!))] };
}

/**
 * An identify call's traits, with the locale and time zone its library put in `context`
 * (analytics.js and the mobile SDKs send them there) when the traits do not say: journeys
 * write to people in their language and wait for their morning.
 */
function withContextProfile(m: SegmentMessage): Record<string, unknown> {
  const { locale, timezone } = m.context as { locale?: unknown; timezone?: unknown };
  const traits = { ...m.traits };
  if (traits['locale'] === undefined && typeof locale === 'string' && locale !== '') traits['locale'] = locale;
  if (traits['timezone'] === undefined && typeof timezone === 'string' && timezone !== '') traits['timezone'] = timezone;
  return traits;
}

/** Drops messages already stored, and repeats of one `messageId` within the batch. */
async function withoutStored(trx: Transaction<Database>, workspaceId: string, messages: readonly SegmentMessage[]): Promise<SegmentMessage[]> {
  const unique = new Map<string, SegmentMessage>();
  for (const m of messages) if (!unique.has(m.messageId)) unique.set(m.messageId, m);
  for (const part of chunks([...unique.keys()], 1000)) {
    const rows = await trx.selectFrom('events').select('message_id').where('workspace_id', '=', workspaceId).where('message_id', 'in', part).execute();
    for (const row of rows) unique.delete(row.message_id);
  }
  return [...unique.values()];
}

interface ContactResolution {
  /** Contacts this batch created. */
  created: number;
  /** The contact a message belongs to once the batch's merges are done. */
  contactOfMessage(messageId: string): string | undefined;
  /** Where a contact ends up once the batch's merges are done. */
  finalId(contactId: string): string;
  /** Merges in the order they happened. */
  merges: { from: string; into: string }[];
}

async function resolveContacts(trx: Transaction<Database>, workspaceId: string, messages: SegmentMessage[], newContactId: () => string): Promise<ContactResolution> {
  const userIds = new Set<string>();
  const anonymousIds = new Set<string>();
  for (const m of messages) {
    if (m.userId) userIds.add(m.userId);
    if (m.anonymousId) anonymousIds.add(m.anonymousId);
    if (m.previousId) (userIds.add(m.previousId), anonymousIds.add(m.previousId));
  }
  const known = await BatchIdentities.load(trx, workspaceId, userIds, anonymousIds);
  const contactOfMessage = new Map<string, string>();
  const mergedInto = new Map<string, string>();
  const merges: { from: string; into: string }[] = [];
  const newContacts: { id: string; at: number }[] = [];
  const newIdentities: { kind: 'user' | 'anonymous'; value: string; contact_id: string }[] = [];

  for (const m of messages) {
    // Only imported account rows come without a person: they change the account alone.
    if (m.type !== 'alias' && !m.userId && !m.anonymousId) continue;
    const resolution = m.type === 'alias' ? resolveAlias(m.userId!, m.previousId!, known) : resolveContact(m.userId, m.anonymousId, known);
    let contactId: string;
    switch (resolution.kind) {
      case 'new':
        contactId = newContactId();
        newContacts.push({ id: contactId, at: m.timestamp });
        break;
      case 'existing':
        contactId = resolution.contactId;
        break;
      case 'merge':
        contactId = resolution.into;
        merges.push({ from: resolution.from, into: resolution.into });
        mergedInto.set(resolution.from, resolution.into);
        known.repoint(resolution.from, resolution.into);
        break;
      default: {
        const unexpected: never = resolution;
        throw new Error(`unknown resolution ${JSON.stringify(unexpected)}`);
      }
    }
    for (const identity of resolution.link) {
      known.link(contactId, identity);
      newIdentities.push({ kind: identity.kind, value: identity.value, contact_id: contactId });
    }
    contactOfMessage.set(m.messageId, contactId);
  }

  const final = (contactId: string): string => {
    let id = contactId;
    for (let next = mergedInto.get(id); next !== undefined; next = mergedInto.get(id)) id = next;
    return id;
  };
  for (const part of chunks(newContacts, 500)) {
    await trx
      .insertInto('contacts')
      .values(part.map((c) => ({ workspace_id: workspaceId, id: c.id, traits: '{}', created_at: c.at, updated_at: c.at })))
      .execute();
  }
  for (const part of chunks(newIdentities, 1000)) {
    const claimed = await trx
      .insertInto('contact_identities')
      .values(part.map((i) => ({ workspace_id: workspaceId, ...i })))
      .onConflict((oc) => oc.columns(['workspace_id', 'kind', 'value']).doNothing())
      .returning(['kind', 'value'])
      .execute();
    if (claimed.length === part.length) continue;
    // Another process (PostgreSQL) claimed some identity first: its contact is the person, and
    // what this batch made for them joins it, as an anonymous visitor joins a known user.
    const mine = new Set(claimed.map((c) => `${c.kind}\u0000${c.value}`));
    for (const lost of part.filter((i) => !mine.has(`${i.kind}\u0000${i.value}`))) {
      const winner = await trx.selectFrom('contact_identities').select('contact_id').where('workspace_id', '=', workspaceId).where('kind', '=', lost.kind).where('value', '=', lost.value).executeTakeFirstOrThrow();
      const from = final(lost.contact_id);
      if (from === winner.contact_id) continue;
      merges.push({ from, into: winner.contact_id });
      mergedInto.set(from, winner.contact_id);
    }
  }
  return {
    created: newContacts.length,
    contactOfMessage: (messageId) => {
      const contactId = contactOfMessage.get(messageId);
      return contactId === undefined ? undefined : final(contactId);
    },
    finalId: final,
    merges,
  };
}

async function insertEvents(
  trx: Transaction<Database>,
  dialect: StoreDialect,
  workspaceId: string,
  messages: SegmentMessage[],
  contactOf: (messageId: string) => string | undefined,
  interactions: ReadonlyMap<string, Interaction | null>,
): Promise<Set<string>> {
  const inserted = new Set<string>();
  const rowsPerStatement = Math.min(500, Math.floor(dialect.capabilities.maxParameters / EVENT_COLUMNS));
  for (const part of chunks(messages, rowsPerStatement)) {
    const rows = await trx
      .insertInto('events')
      .values(part.map((m) => {
        const interaction = interactions.get(m.messageId);
        return {
          workspace_id: workspaceId,
          message_id: m.messageId,
          type: m.type,
          name: m.event,
          contact_id: contactOf(m.messageId) ?? null,
          user_id: m.userId,
          anonymous_id: m.anonymousId ?? m.previousId,
          group_id: m.groupId,
          timestamp: m.timestamp,
          received_at: m.receivedAt,
          channel: interaction?.channel ?? null,
          direction: interaction?.direction ?? null,
          category: interaction?.category ?? null,
          rating: interaction?.rating ?? null,
          sentiment: interaction?.sentiment ?? null,
          revenue: interaction?.revenue ?? null,
          properties: JSON.stringify(m.properties),
          traits: JSON.stringify(m.traits),
          context: JSON.stringify(m.context),
        };
      }))
      .onConflict((oc) => oc.columns(['workspace_id', 'message_id']).doNothing())
      .returning('message_id')
      .execute();
    for (const row of rows) inserted.add(row.message_id);
  }
  return inserted;
}

