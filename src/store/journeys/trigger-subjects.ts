import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { StoreDialect } from '../dialects/dialect.js';
import type { JourneySubjectRef } from './journey-runs.js';

/** A subject holding a trait, with its time zone (contacts; null for accounts). */
export interface SubjectTrait {
  id: string;
  value: unknown;
  zone: string | null;
}

/** What journey triggers read of subjects: who holds a date trait, an account's contacts, what started earlier runs. */
export function triggerSubjectQueries(db: Kysely<Database>, dialect: StoreDialect) {
  return {
    /** Every contact or account of the workspace whose traits hold `trait` (any value but null). */
    async withTrait(workspaceId: string, kind: JourneySubjectRef['kind'], trait: string): Promise<SubjectTrait[]> {
      const held = dialect.json.at(sql.ref('traits'), [trait]);
      if (kind === 'contact') {
        const rows = await db.selectFrom('contacts').select(['id', 'traits', 'timezone']).where('workspace_id', '=', workspaceId).where(held.type, 'is not', null).where(held.type, '<>', 'null').orderBy('id').execute();
        return rows.map((r) => ({ id: r.id, value: dialect.readJson(r.traits)[trait], zone: r.timezone }));
      }
      const rows = await db.selectFrom('accounts').select(['group_id', 'traits']).where('workspace_id', '=', workspaceId).where(held.type, 'is not', null).where(held.type, '<>', 'null').orderBy('group_id').execute();
      return rows.map((r) => ({ id: r.group_id, value: dialect.readJson(r.traits)[trait], zone: null }));
    },

    /** The ids of an account's contacts. */
    async contactsOf(workspaceId: string, groupId: string): Promise<string[]> {
      const rows = await db.selectFrom('memberships').select('contact_id').where('workspace_id', '=', workspaceId).where('group_id', '=', groupId).orderBy('contact_id').execute();
      return rows.map((r) => r.contact_id);
    },

    /** The trigger data of every run of a journey the subject entered, oldest first. */
    async runTriggers(workspaceId: string, journeyId: string, subject: JourneySubjectRef): Promise<Record<string, unknown>[]> {
      const rows = await db
        .selectFrom('journey_runs')
        .select('trigger_data')
        .where('workspace_id', '=', workspaceId)
        .where('journey_id', '=', journeyId)
        .where('subject_kind', '=', subject.kind)
        .where('subject_id', '=', subject.id)
        .orderBy('entered_at')
        .execute();
      return rows.map((r) => JSON.parse(r.trigger_data) as Record<string, unknown>);
    },
  };
}
