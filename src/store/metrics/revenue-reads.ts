import { sql, type Kysely } from 'kysely';
import type { MrrChange } from '../../core/metrics/revenue-retention.js';
import type { Activation } from '../../core/metrics/time-to-value.js';
import type { Database } from '../database.js';
import type { StoreDialect } from '../dialects/dialect.js';
import { accountInAudience, firstEventPerContact, type Audience } from './metric-sql.js';

/** Every numeric `mrr` a group call set before `before`, oldest first (the core computes the movements). */
export async function mrrChanges(db: Kysely<Database>, dialect: StoreDialect, workspaceId: string, before: number, audience: Audience): Promise<MrrChange[]> {
  const mrr = dialect.json.at(sql.ref('events.traits'), ['mrr']);
  const rows = await db
    .selectFrom('events')
    .select(['events.group_id', 'events.timestamp', sql<number>`CASE WHEN ${mrr.type} = 'number' THEN ${mrr.number} END`.as('mrr')])
    .where('events.workspace_id', '=', workspaceId)
    .where('events.type', '=', 'group')
    .where('events.group_id', 'is not', null)
    .where('events.timestamp', '<', before)
    .where(mrr.type, '=', 'number')
    .where((eb) => accountInAudience(eb, workspaceId, audience))
    .orderBy('events.timestamp')
    .orderBy('events.id')
    .execute();
  return rows.map((r) => ({ groupId: r.group_id!, at: Number(r.timestamp), mrr: Number(r.mrr) }));
}

/** Each contact's first sign-up in [from, to), and their first activation at or after it. */
export async function activations(db: Kysely<Database>, workspaceId: string, events: { signup: string; activation: string }, from: number, to: number, audience: Audience): Promise<Activation[]> {
  const rows = await db
    .with('births', () => firstEventPerContact(db, workspaceId, events.signup, audience))
    .selectFrom('births')
    .leftJoin('events', (join) =>
      join
        .on('events.workspace_id', '=', workspaceId)
        .onRef('events.contact_id', '=', 'births.contact_id')
        .on('events.type', '=', 'track')
        .on('events.name', '=', events.activation)
        .onRef('events.timestamp', '>=', 'births.born'),
    )
    .select(['births.contact_id', 'births.born', (eb) => eb.fn.min<number | null>('events.timestamp').as('activated')])
    .where('births.born', '>=', from)
    .where('births.born', '<', to)
    .groupBy(['births.contact_id', 'births.born'])
    .execute();
  return rows
    .map((r) => ({ contactId: r.contact_id!, signedUpAt: Number(r.born), activatedAt: r.activated === null ? null : Number(r.activated) }))
    .sort((a, b) => a.signedUpAt - b.signedUpAt || (a.contactId < b.contactId ? -1 : 1));
}
