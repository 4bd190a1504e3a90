import type { Kysely } from 'kysely';
import type { Definition, DefinitionKind } from '../core/definitions/definition-documents.js';
import type { Database } from './database.js';
import type { StoreDialect } from './dialects/dialect.js';

/** The id a definition is stored under; a workspace has one set of assignment rules. */
export function definitionId(definition: Definition): string {
  return definition.kind === 'AssignmentRules' ? 'default' : definition.spec.id;
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
        for (const definition of definitions) {
          const row = { spec: JSON.stringify(definition.spec), updated_at: now, updated_by: by };
          await trx
            .insertInto('definitions')
            .values({ workspace_id: workspaceId, kind: definition.kind, id: definitionId(definition), ...row })
            .onConflict((oc) => oc.columns(['workspace_id', 'kind', 'id']).doUpdateSet(row))
            .execute();
        }
      });
    },
  };
}
