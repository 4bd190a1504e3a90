import type { Kysely } from 'kysely';
import type { Definition, DefinitionKind } from '../core/definitions/definition-documents.js';
import type { DefinitionAuditEntry } from '../core/records.js';
import type { Database } from './database.js';
import { definitionId } from './definitions.js';

export type { DefinitionAuditEntry };

/** What the audit row of a change says besides the new definition. */
export interface DefinitionAuditInput {
  /** The spec in force before (the shipped one, if none was stored); null when there was none. */
  previousSpec: unknown;
  changedBy: string;
  changedAt: number;
  summary: string;
}

/** The audit trail of definitions changed through the API (`definition_changes`). */
export function definitionChangeQueries(db: Kysely<Database>) {
  return {
    /**
     * Stores the definition and its audit row in one transaction, so no definition changes
     * without its trail. The definition is valid: callers check it first.
     */
    async save(workspaceId: string, definition: Definition, audit: DefinitionAuditInput): Promise<DefinitionAuditEntry> {
      const id = definitionId(definition);
      const spec = JSON.stringify(definition.spec);
      const previous = audit.previousSpec === null || audit.previousSpec === undefined ? null : JSON.stringify(audit.previousSpec);
      return db.transaction().execute(async (trx) => {
        const row = { spec, updated_at: audit.changedAt, updated_by: audit.changedBy };
        await trx
          .insertInto('definitions')
          .values({ workspace_id: workspaceId, kind: definition.kind, id, ...row })
          .onConflict((oc) => oc.columns(['workspace_id', 'kind', 'id']).doUpdateSet(row))
          .execute();
        const inserted = await trx
          .insertInto('definition_changes')
          .values({ workspace_id: workspaceId, kind: definition.kind, definition_id: id, previous_spec: previous, spec, changed_by: audit.changedBy, changed_at: audit.changedAt, summary: audit.summary })
          .returning('id')
          .executeTakeFirstOrThrow();
        return { id: Number(inserted.id), kind: definition.kind, definitionId: id, previousSpec: audit.previousSpec ?? null, spec: definition.spec, changedBy: audit.changedBy, changedAt: audit.changedAt, summary: audit.summary };
      });
    },

    /** The newest changes first, of one kind when given. */
    async list(workspaceId: string, options: { kind?: DefinitionKind; limit: number }): Promise<DefinitionAuditEntry[]> {
      let query = db.selectFrom('definition_changes').selectAll().where('workspace_id', '=', workspaceId);
      if (options.kind) query = query.where('kind', '=', options.kind);
      const rows = await query.orderBy('changed_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
      return rows.map((r) => ({
        id: Number(r.id), kind: r.kind as DefinitionKind, definitionId: r.definition_id, previousSpec: r.previous_spec === null ? null : JSON.parse(r.previous_spec), spec: JSON.parse(r.spec),
        changedBy: r.changed_by, changedAt: Number(r.changed_at), summary: r.summary,
      }));
    },
  };
}
