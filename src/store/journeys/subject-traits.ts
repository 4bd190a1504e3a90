import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { StoreDialect } from '../dialects/dialect.js';
import { applyAccountTraits, applyContactTraits } from '../ingest/profile-writes.js';
import type { JourneySubjectRef } from './journey-runs.js';

/**
 * Sets one trait of a contact or account (a null value removes it), as an identify or group
 * call would: typed columns follow the traits. Setting the same value again changes nothing
 * but `updated_at`, so a repeated effect is harmless. False when the subject does not exist.
 */
export async function setSubjectTrait(db: Kysely<Database>, dialect: StoreDialect, workspaceId: string, subject: JourneySubjectRef, name: string, value: unknown, at: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const traits = { [name]: value };
    if (subject.kind === 'contact') {
      const exists = await trx.selectFrom('contacts').select('id').where('workspace_id', '=', workspaceId).where('id', '=', subject.id).executeTakeFirst();
      if (!exists) return false;
      await applyContactTraits(trx, dialect, workspaceId, [{ contactId: subject.id, traits, at }]);
      return true;
    }
    // Group calls create missing accounts; a journey must not.
    const exists = await trx.selectFrom('accounts').select('group_id').where('workspace_id', '=', workspaceId).where('group_id', '=', subject.id).executeTakeFirst();
    if (!exists) return false;
    await applyAccountTraits(trx, dialect, workspaceId, [{ groupId: subject.id, traits, at }]);
    return true;
  });
}
