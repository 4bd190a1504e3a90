import type { Kysely } from 'kysely';
import type { MapInteraction } from '../../core/frameworks/journey-map.js';
import type { Database } from '../database.js';

/** The interactions from `from` on of each contact, or of each account (the events tagged with it), oldest first. */
export async function mapInteractions(db: Kysely<Database>, workspaceId: string, subject: 'contact' | 'account', from: number): Promise<MapInteraction[]> {
  const column = subject === 'contact' ? 'events.contact_id' : 'events.group_id';
  const rows = await db
    .selectFrom('events')
    .select([`${column} as subject`, 'events.timestamp', 'events.channel', 'events.category', 'events.name', 'events.sentiment', 'events.rating'])
    .where('events.workspace_id', '=', workspaceId)
    .where('events.channel', 'is not', null)
    .where(column, 'is not', null)
    .where('events.timestamp', '>=', from)
    .orderBy('events.timestamp')
    .orderBy('events.id')
    .execute();
  return rows.map((r) => ({ subjectId: r.subject!, at: Number(r.timestamp), channel: r.channel!, category: r.category ?? 'usage', name: r.name, sentiment: r.sentiment, rating: r.rating }));
}
