import type { Kysely } from 'kysely';
import type { Database } from './database.js';

export const DEFAULT_WORKSPACE_ID = 'default';

export interface WorkspaceKeys {
  writeKey: string;
  apiToken: string;
}

/** Workspaces (tenants) and the secrets that open them: write keys for ingestion, API tokens for REST. */
export function workspaceQueries(db: Kysely<Database>) {
  return {
    /** Creates the workspace if it does not exist; returns its id. */
    async ensure(id: string, name: string, now: number): Promise<string> {
      await db.insertInto('workspaces').values({ id, name, created_at: now }).onConflict((oc) => oc.column('id').doNothing()).execute();
      return id;
    },

    async exists(id: string): Promise<boolean> {
      return (await db.selectFrom('workspaces').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
    },

    async list() {
      return db.selectFrom('workspaces').selectAll().orderBy('created_at').execute();
    },

    async findByWriteKey(key: string): Promise<string | undefined> {
      const row = await db.selectFrom('write_keys').select('workspace_id').where('key', '=', key).executeTakeFirst();
      return row?.workspace_id;
    },

    async findByApiToken(token: string): Promise<string | undefined> {
      const row = await db.selectFrom('api_tokens').select('workspace_id').where('token', '=', token).executeTakeFirst();
      return row?.workspace_id;
    },

    /** The workspace's oldest write key and API token, created from `newSecret` when missing. */
    async ensureKeys(workspaceId: string, newSecret: (prefix: string) => string, now: number): Promise<WorkspaceKeys> {
      return db.transaction().execute(async (trx) => {
        let writeKey = (await trx.selectFrom('write_keys').select('key').where('workspace_id', '=', workspaceId).orderBy('created_at').executeTakeFirst())?.key;
        if (!writeKey) {
          writeKey = newSecret('wk_');
          await trx.insertInto('write_keys').values({ key: writeKey, workspace_id: workspaceId, created_at: now }).execute();
        }
        let apiToken = (await trx.selectFrom('api_tokens').select('token').where('workspace_id', '=', workspaceId).orderBy('created_at').executeTakeFirst())?.token;
        if (!apiToken) {
          apiToken = newSecret('tp_');
          await trx.insertInto('api_tokens').values({ token: apiToken, workspace_id: workspaceId, name: 'default', created_at: now }).execute();
        }
        return { writeKey, apiToken };
      });
    },
  };
}
