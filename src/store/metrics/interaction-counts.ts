import type { Kysely } from 'kysely';
import type { InteractionCount } from '../../core/scores/engagement-scoring.js';
import type { Database } from '../database.js';

/**
 * Interactions in [from, to) counted per subject (the contact, or the account an event is
 * tagged with) and kind (event name, category, channel, direction): what engagement scores
 * are computed from. Sorted, so equal inputs give equal outputs on every database.
 */
export async function interactionCounts(db: Kysely<Database>, workspaceId: string, subject: 'contact' | 'account', from: number, to: number, subjectIds?: readonly string[]): Promise<InteractionCount[]> {
  const column = subject === 'contact' ? 'events.contact_id' : 'events.group_id';
  const rows = await db
    .selectFrom('events')
    .select([`${column} as subject`, 'events.name', 'events.category', 'events.channel', 'events.direction', (eb) => eb.fn.countAll<number>().as('n')])
    .where('events.workspace_id', '=', workspaceId)
    .where('events.channel', 'is not', null)
    .where(column, 'is not', null)
    .$if(subjectIds !== undefined, (q) => q.where(column, 'in', subjectIds!.length ? subjectIds! : ['']))
    .where('events.timestamp', '>=', from)
    .where('events.timestamp', '<', to)
    .groupBy([column, 'events.name', 'events.category', 'events.channel', 'events.direction'])
    .execute();
  return rows
    .map((r) => ({ subjectId: r.subject!, name: r.name, category: r.category, channel: r.channel, direction: r.direction, count: Number(r.n) }))
    .sort(compareCounts);
}

export function compareCounts(a: InteractionCount, b: InteractionCount): number {
  return compareText(a.subjectId, b.subjectId) || compareText(a.name ?? '', b.name ?? '') || compareText(a.category ?? '', b.category ?? '') || compareText(a.channel ?? '', b.channel ?? '') || compareText(a.direction ?? '', b.direction ?? '');
}

function compareText(x: string, y: string): number {
  return x === y ? 0 : x < y ? -1 : 1;
}
