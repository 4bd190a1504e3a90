import type { Kysely } from 'kysely';
import type { Identity, KnownIdentities } from '../../core/identity.js';
import type { Database } from '../database.js';
import { chunks } from '../chunks.js';

/** The identities a batch mentions, loaded in two queries and kept current as the batch is resolved. */
export class BatchIdentities implements KnownIdentities {
  readonly #contacts = new Map<string, string>();
  readonly #withUser = new Set<string>();

  static async load(db: Kysely<Database>, workspaceId: string, userIds: Set<string>, anonymousIds: Set<string>): Promise<BatchIdentities> {
    const identities = new BatchIdentities();
    const found: string[] = [];
    for (const [kind, values] of [['user', userIds], ['anonymous', anonymousIds]] as const) {
      for (const part of chunks([...values], 1000)) {
        const rows = await db
          .selectFrom('contact_identities')
          .select(['value', 'contact_id'])
          .where('workspace_id', '=', workspaceId)
          .where('kind', '=', kind)
          .where('value', 'in', part)
          .execute();
        for (const row of rows) {
          identities.#contacts.set(key(kind, row.value), row.contact_id);
          if (kind === 'user') identities.#withUser.add(row.contact_id);
          else found.push(row.contact_id);
        }
      }
    }
    for (const part of chunks([...new Set(found)].filter((id) => !identities.#withUser.has(id)), 1000)) {
      const rows = await db
        .selectFrom('contact_identities')
        .select('contact_id')
        .where('workspace_id', '=', workspaceId)
        .where('kind', '=', 'user')
        .where('contact_id', 'in', part)
        .execute();
      for (const row of rows) identities.#withUser.add(row.contact_id);
    }
    return identities;
  }

  byUser(userId: string): string | undefined {
    return this.#contacts.get(key('user', userId));
  }

  byAnonymous(anonymousId: string): string | undefined {
    return this.#contacts.get(key('anonymous', anonymousId));
  }

  hasUser(contactId: string): boolean {
    return this.#withUser.has(contactId);
  }

  link(contactId: string, identity: Identity): void {
    this.#contacts.set(key(identity.kind, identity.value), contactId);
    if (identity.kind === 'user') this.#withUser.add(contactId);
  }

  /** After a merge, identities that pointed at `from` point at `into`. */
  repoint(from: string, into: string): void {
    for (const [k, contactId] of this.#contacts) if (contactId === from) this.#contacts.set(k, into);
    if (this.#withUser.has(from)) this.#withUser.add(into);
  }
}

function key(kind: Identity['kind'], value: string): string {
  return `${kind}\u0000${value}`;
}
