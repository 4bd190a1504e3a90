import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/** A message as the outbox keeps it. */
export interface OutboxMessage {
  messageKey: string;
  messageId: string;
  from: string;
  to: { name: string | null; address: string };
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  createdAt: number;
}

/**
 * E-mail kept instead of sent. Message keys begin with the workspace id (`workspace:...`, as
 * the journey performers make them), which is how a workspace sees only its own messages.
 */
export function outboxQueries(db: Kysely<Database>) {
  return {
    /** Keeps a message; the same key again replaces it. */
    async put(message: OutboxMessage): Promise<void> {
      const workspaceId = message.messageKey.slice(0, Math.max(0, message.messageKey.indexOf(':')));
      const row = {
        message_id: message.messageId, from_address: message.from, to_address: message.to.address, to_name: message.to.name, subject: message.subject,
        html: message.html, text: message.text, headers: JSON.stringify(message.headers), created_at: message.createdAt,
      };
      await db.insertInto('outbox_messages').values({ message_key: message.messageKey, workspace_id: workspaceId, ...row }).onConflict((oc) => oc.column('message_key').doUpdateSet(row)).execute();
    },

    /** The workspace's kept messages, newest first. */
    async list(workspaceId: string, limit: number): Promise<OutboxMessage[]> {
      const rows = await db.selectFrom('outbox_messages').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at', 'desc').orderBy('message_key').limit(limit).execute();
      return rows.map((r) => ({
        messageKey: r.message_key, messageId: r.message_id, from: r.from_address, to: { name: r.to_name, address: r.to_address }, subject: r.subject,
        html: r.html, text: r.text, headers: JSON.parse(r.headers) as Record<string, string>, createdAt: Number(r.created_at),
      }));
    },
  };
}
