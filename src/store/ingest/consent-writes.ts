import type { Transaction } from 'kysely';
import type { ConsentWithdrawal } from '../../core/delivery/consent-events.js';
import type { Database } from '../database.js';
import { chunks } from '../chunks.js';
import { insertSuppressions } from '../delivery.js';

/** A consent event of the batch, with the contact it was resolved to. */
export interface ContactWithdrawal {
  contactId: string;
  withdrawal: ConsentWithdrawal;
  /** When the event was received. */
  at: number;
}

/**
 * Puts the recipients of a batch's consent events (`consentWithdrawal`) on the suppression
 * list, in the batch's transaction: the event and its effect are stored together or not at
 * all. An event that names no address suppresses its contact's address as stored after the
 * batch's identify calls; a contact without one has nothing to suppress. An address already
 * on the list keeps its first reason.
 */
export async function applyConsentWithdrawals(trx: Transaction<Database>, workspaceId: string, withdrawals: readonly ContactWithdrawal[]): Promise<void> {
  if (withdrawals.length === 0) return;
  const unnamed = [...new Set(withdrawals.filter((w) => w.withdrawal.address === null).map((w) => w.contactId))];
  const emailOf = new Map<string, string>();
  for (const part of chunks(unnamed, 500)) {
    const rows = await trx.selectFrom('contacts').select(['id', 'email']).where('workspace_id', '=', workspaceId).where('id', 'in', part).execute();
    for (const row of rows) if (row.email) emailOf.set(row.id, row.email.trim().toLowerCase());
  }
  const entries = new Map<string, { address: string; reason: ConsentWithdrawal['reason']; detail: string; at: number }>();
  for (const { contactId, withdrawal, at } of withdrawals) {
    const address = withdrawal.address ?? emailOf.get(contactId);
    if (address && !entries.has(address)) entries.set(address, { address, reason: withdrawal.reason, detail: withdrawal.detail, at });
  }
  await insertSuppressions(trx, workspaceId, [...entries.values()], 'ingestion');
}
