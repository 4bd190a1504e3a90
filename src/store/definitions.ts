import type { Kysely } from 'kysely';
import type { Definition, DefinitionKind } from '../core/definitions/definition-documents.js';
import type { Database } from './database.js';
import type { StoreDialect } from './dialects/dialect.js';
import { ensureFeedCursor } from './journeys/journey-feed.js';
import { dropSegmentMembers } from './segment-membership-queries.js';

/** The id a definition is stored under; a workspace has one set of assignment rules. */
export function definitionId(definition: Definition): string {
  return definition.kind === 'AssignmentRules' ? 'default' : definition.spec.id;
}

/** Names one stored definition. */
export interface DefinitionKey {
  kind: DefinitionKind;
  id: string;
}

/** What `change` does in one transaction: definitions to store (insert or replace) and to delete. */
export interface DefinitionChange {
  save?: readonly Definition[];
  delete?: readonly DefinitionKey[];
}

/** Stored definitions. Callers validate first: what is stored is always valid. */
export function definitionQueries(db: Kysely<Database>, dialect: StoreDialect) {
  return {
    async list(workspaceId: string, kind?: DefinitionKind): Promise<Definition[]> {
      let query = db.selectFrom('definitions').select(['kind', 'spec']).where('workspace_id', '=', workspaceId);
      if (kind) query = query.where('kind', '=', kind);
      const rows = await query.orderBy('kind').orderBy('id').execute();
      return rows.map((row) => ({ kind: row.kind, spec: dialect.readJson(row.spec) }) as Definition);
    },

    /** Stores all of them in one transaction: a set of files is applied whole or not at all. */
    async saveAll(workspaceId: string, definitions: readonly Definition[], by: string, now: number): Promise<void> {
      if (definitions.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (const definition of definitions) await upsert(trx, workspaceId, definition, by, now);
      });
    },

    /**
     * Stores and deletes definitions in one transaction. A deleted segment's stored members
     * go with it, each recorded as an exit at `now`, so its history ends where it stopped
     * and a segment later made under the same id starts empty. Returns the keys that were
     * stored before and are now deleted.
     */
    async change(workspaceId: string, change: DefinitionChange, by: string, now: number): Promise<DefinitionKey[]> {
      return db.transaction().execute(async (trx) => {
        for (const definition of change.save ?? []) await upsert(trx, workspaceId, definition, by, now);
        const deleted: DefinitionKey[] = [];
        for (const key of change.delete ?? []) {
          const result = await trx.deleteFrom('definitions').where('workspace_id', '=', workspaceId).where('kind', '=', key.kind).where('id', '=', key.id).executeTakeFirst();
          if (Number(result.numDeletedRows) > 0) deleted.push(key);
          if (key.kind === 'Segment') await dropSegmentMembers(trx, workspaceId, key.id, now);
        }
        return deleted;
      });
    },
  };
}

async function upsert(db: Kysely<Database>, workspaceId: string, definition: Definition, by: string, now: number): Promise<void> {
  const row = { spec: JSON.stringify(definition.spec), updated_at: now, updated_by: by };
  await db
    .insertInto('definitions')
    .values({ workspace_id: workspaceId, kind: definition.kind, id: definitionId(definition), ...row })
    .onConflict((oc) => oc.columns(['workspace_id', 'kind', 'id']).doUpdateSet(row))
    .execute();
  if (definition.kind === 'Journey') await ensureFeedCursor(db, workspaceId, now);
}
