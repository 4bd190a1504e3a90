import type { Contact } from '../../core/records.js';
import type { AccountRecord } from '../../store/accounts.js';
import type { ClaimedEffect } from '../../store/journeys/journey-effects.js';
import type { Store } from '../../store/store.js';

type Subject = ClaimedEffect['subject'];

/**
 * The contacts and accounts a claimed batch of effects performs on, read together: the first
 * time a workspace's contact is asked for, every contact the batch's effects name in that
 * workspace is read in one go, and the same for accounts (those the effects name and the
 * first account of each contact read). A record asked for that the batch did not name is read
 * on its own.
 *
 * A subject's effects are performed one after another, so a `set-trait` earlier in the batch
 * calls `forget`, and the e-mail after it reads the subject again and sees the new trait.
 * What other processes change during the batch is seen from the next batch on, as with the
 * definitions (`BatchReads`).
 */
export class BatchRecords {
  readonly #contacts = new Map<string, Promise<Map<string, Contact>>>();
  readonly #accounts = new Map<string, Promise<Map<string, AccountRecord>>>();
  /** Records read again on their own: changed during the batch, or not named by it. */
  readonly #fresh = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly claims: readonly ClaimedEffect[],
  ) {}

  async contact(workspaceId: string, contactId: string): Promise<Contact | undefined> {
    const key = recordKey(workspaceId, 'contact', contactId);
    const batch = await this.#batch(this.#contacts, workspaceId, () => this.store.contacts.findMany(workspaceId, this.#named(workspaceId, 'contact')), (c) => c.id);
    if (this.#fresh.has(key) || !batch.has(contactId)) return this.store.contacts.findById(workspaceId, contactId);
    return batch.get(contactId);
  }

  async account(workspaceId: string, groupId: string): Promise<AccountRecord | undefined> {
    const key = recordKey(workspaceId, 'account', groupId);
    const batch = await this.#batch(this.#accounts, workspaceId, async () => {
      const contacts = (await this.#contacts.get(workspaceId)) ?? new Map<string, Contact>();
      const firstAccounts = [...contacts.values()].flatMap((c) => c.accounts.slice(0, 1));
      return this.store.accounts.records(workspaceId, [...this.#named(workspaceId, 'account'), ...firstAccounts, groupId]);
    }, (a) => a.groupId);
    if (this.#fresh.has(key) || !batch.has(groupId)) return (await this.store.accounts.records(workspaceId, [groupId]))[0];
    return batch.get(groupId);
  }

  /** The subject changed (a trait was set): later reads in the batch go to the store. */
  forget(workspaceId: string, subject: Subject): void {
    this.#fresh.add(recordKey(workspaceId, subject.kind, subject.id));
  }

  #named(workspaceId: string, kind: Subject['kind']): string[] {
    return this.claims.filter((c) => c.workspaceId === workspaceId && c.subject.kind === kind).map((c) => c.subject.id);
  }

  #batch<T>(reads: Map<string, Promise<Map<string, T>>>, workspaceId: string, read: () => Promise<T[]>, id: (record: T) => string): Promise<Map<string, T>> {
    let made = reads.get(workspaceId);
    if (!made) {
      made = read().then((records) => new Map(records.map((r) => [id(r), r])));
      reads.set(workspaceId, made);
      // A read that fails is made again by the next effect that asks.
      made.catch(() => reads.delete(workspaceId));
    }
    return made;
  }
}

function recordKey(workspaceId: string, kind: Subject['kind'], id: string): string {
  return `${workspaceId}\u0000${kind}\u0000${id}`;
}
