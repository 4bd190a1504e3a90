import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { StoreDialect } from '../dialects/dialect.js';

/** A feeder's claim on a workspace's cursor, leased until `leasedUntil`. */
export interface FeedClaim {
  workspaceId: string;
  /** Events up to this id were delivered. */
  position: number;
  /** The horizon taken by an earlier pass and not yet read through; null when none is pending. */
  horizon: FeedHorizon | null;
  /** This claim's number: the cursor moves only under it. */
  claim: number;
  leasedUntil: number;
}

/**
 * How far the feed may read: `id` is the highest event id of the workspace when it was taken;
 * `writers` are the event writes under way then (PostgreSQL virtual transaction ids). Identity
 * values are handed out before the rows commit, so a lower id may still appear; once every
 * writer has finished, none can, and everything up to `id` may be read.
 */
export interface FeedHorizon {
  id: number;
  writers: string[];
}

/** A track event as the feed delivers it. */
export interface FedEvent {
  id: number;
  name: string;
  contactId: string | null;
  groupId: string | null;
  properties: Record<string, unknown>;
  receivedAt: number;
}

async function newestEventId(db: Kysely<Database>, workspaceId: string): Promise<number> {
  const row = await db.selectFrom('events').select((eb) => eb.fn.max('id').as('id')).where('workspace_id', '=', workspaceId).executeTakeFirst();
  return row?.id === null || row?.id === undefined ? 0 : Number(row.id);
}

/**
 * Gives the workspace a feed cursor at its newest event unless it has one. Called where a
 * journey is stored, in the same transaction, so journeys react to what happens from when the
 * first one was saved (and not to the history before it), whether or not a feeder has run yet.
 */
export async function ensureFeedCursor(db: Kysely<Database>, workspaceId: string, now: number): Promise<void> {
  const exists = await db.selectFrom('journey_feed_cursors').select('workspace_id').where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (exists) return;
  const position = await newestEventId(db, workspaceId);
  await db
    .insertInto('journey_feed_cursors')
    .values({ workspace_id: workspaceId, position, horizon: null, horizon_writers: null, claims: 0, leased_until: null, updated_at: now })
    .onConflict((oc) => oc.column('workspace_id').doNothing())
    .execute();
}

/** The journey event feed: one cursor per workspace over `events.id`, claimed with a lease. */
export function journeyFeedQueries(db: Kysely<Database>, dialect: StoreDialect) {
  return {
    /** Workspaces the feed serves: those with a journey stored, and those it served before. */
    async workspaces(): Promise<string[]> {
      const rows = await db
        .selectFrom('definitions')
        .select('workspace_id')
        .where('kind', '=', 'Journey')
        .union(db.selectFrom('journey_feed_cursors').select('workspace_id'))
        .union(db.selectFrom('journey_status').select('workspace_id').where('status', '=', 'active'))
        .execute();
      return [...new Set(rows.map((r) => r.workspace_id))].sort();
    },

    /**
     * Claims the workspace's cursor for `leaseMs`, unless a live lease holds it (undefined).
     * A workspace without a cursor (its journeys were stored before cursors were made with
     * them) gets one at its newest event, in the claim's transaction.
     * On PostgreSQL the row is read `FOR UPDATE SKIP LOCKED`, so feeders claiming at once
     * never take the same cursor and never wait on each other; SQLite's writer lock
     * serialises claims.
     */
    async claim(workspaceId: string, now: number, leaseMs: number): Promise<FeedClaim | undefined> {
      const leasedUntil = now + leaseMs;
      return db.transaction().execute(async (trx) => {
        await ensureFeedCursor(trx, workspaceId, now);
        const row = await trx
          .selectFrom('journey_feed_cursors')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where((eb) => eb.or([eb('leased_until', 'is', null), eb('leased_until', '<=', now)]))
          .$if(dialect.capabilities.rowLocks, (q) => q.forUpdate())
          .$if(dialect.capabilities.skipLocked, (q) => q.skipLocked())
          .executeTakeFirst();
        if (!row) return undefined;
        const claim = Number(row.claims) + 1;
        await trx.updateTable('journey_feed_cursors').set({ claims: claim, leased_until: leasedUntil }).where('workspace_id', '=', workspaceId).execute();
        const horizon = row.horizon === null ? null : { id: Number(row.horizon), writers: JSON.parse(row.horizon_writers ?? '[]') as string[] };
        return { workspaceId, position: Number(row.position), horizon, claim, leasedUntil };
      });
    },

    /**
     * A new horizon: the newest event id, then the event writes under way. Read in that order,
     * a write that holds a lower id and has not committed yet is still under way when the
     * writers are listed. Only where several processes write at once (PostgreSQL) can there be
     * writers; elsewhere writes are serialised and the newest id is final.
     */
    async horizon(workspaceId: string): Promise<FeedHorizon> {
      const id = await newestEventId(db, workspaceId);
      if (!dialect.capabilities.rowLocks) return { id, writers: [] };
      // A statement inserting events holds RowExclusiveLock on the table from before its
      // identity values are drawn until its transaction ends.
      const { rows } = await sql<{ vxid: string }>`
        select distinct virtualtransaction as vxid from pg_locks
        where locktype = 'relation' and relation = 'events'::regclass and mode = 'RowExclusiveLock' and granted
          and pid <> pg_backend_pid()`.execute(db);
      return { id, writers: rows.map((r) => r.vxid) };
    },

    /** The writers of a horizon that are still under way. */
    async stillWriting(writers: readonly string[]): Promise<string[]> {
      if (writers.length === 0) return [];
      const { rows } = await sql<{ vxid: string }>`select distinct virtualtransaction as vxid from pg_locks where virtualtransaction = any(${[...writers]}::text[])`.execute(db);
      return rows.map((r) => r.vxid);
    },

    /** Up to `limit` track events with an id in `(after, through]`, in id order; only those of the given names when `names` is given. */
    async events(workspaceId: string, after: number, through: number, limit: number, names?: readonly string[]): Promise<FedEvent[]> {
      if (names?.length === 0) return [];
      const rows = await db
        .selectFrom('events')
        .select(['id', 'name', 'contact_id', 'group_id', 'properties', 'received_at'])
        .where('workspace_id', '=', workspaceId)
        .where('id', '>', after)
        .where('id', '<=', through)
        .where('type', '=', 'track')
        .$if(names !== undefined, (q) => q.where('name', 'in', [...names!]))
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: Number(r.id), name: r.name ?? '', contactId: r.contact_id, groupId: r.group_id, properties: dialect.readJson(r.properties), receivedAt: Number(r.received_at),
      }));
    },

    /**
     * Moves the cursor and releases the claim; false (nothing written) when a later claim took
     * the cursor over after this one's lease ran out. `horizon` is kept for the next pass.
     */
    async release(claim: FeedClaim, position: number, horizon: FeedHorizon | null, now: number): Promise<boolean> {
      const result = await db
        .updateTable('journey_feed_cursors')
        .set({ position, horizon: horizon?.id ?? null, horizon_writers: horizon ? JSON.stringify(horizon.writers) : null, leased_until: null, updated_at: now })
        .where('workspace_id', '=', claim.workspaceId)
        .where('claims', '=', claim.claim)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** Where the cursor stands, for inspection; undefined before a journey was first stored in the workspace. */
    async position(workspaceId: string): Promise<number | undefined> {
      const row = await db.selectFrom('journey_feed_cursors').select('position').where('workspace_id', '=', workspaceId).executeTakeFirst();
      return row ? Number(row.position) : undefined;
    },
  };
}
