import Database from 'better-sqlite3';

/**
 * The baseline's write path: better-sqlite3 with Touchpoint's pragmas and one prepared
 * INSERT into a table Touchpoint's migrations created, so the schema and indexes are the
 * same. No validation, identity resolution or deduplication: the floor a store could reach.
 */
export function openBaseline(file: string): { insert: (messages: readonly Record<string, any>[]) => void; close: () => void } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const statement = db.prepare(
    `insert into events (workspace_id, message_id, type, name, contact_id, user_id, anonymous_id, group_id, timestamp, received_at, properties, traits, context)
     values ('default', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?)`,
  );
  const insert = db.transaction((messages: readonly Record<string, any>[]) => {
    const receivedAt = Date.now();
    for (const m of messages) {
      statement.run(
        m.messageId, m.type, m.event ?? null, m.userId ?? null, m.userId ?? null, m.anonymousId ?? null, m.context?.groupId ?? null,
        Date.parse(m.timestamp), receivedAt, JSON.stringify(m.properties ?? {}), JSON.stringify(m.context ?? {}),
      );
    }
  });
  return { insert, close: () => db.close() };
}
