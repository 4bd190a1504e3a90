import { Kysely, Migrator, sql } from 'kysely';
import type { SegmentMessage } from '../core/segment-messages.js';
import type { SegmentDefinition } from '../core/segments/segment-definition.js';
import { accountModelQueries } from './account-models.js';
import { loadAccountSubject } from './account-subject.js';
import { accountQueries } from './accounts.js';
import { contactQueries } from './contacts.js';
import { definitionChangeQueries } from './definition-changes.js';
import { definitionQueries } from './definitions.js';
import { escalationQueries } from './escalations.js';
import { segmentMembershipQueries } from './segment-membership-queries.js';
import type { Database } from './database.js';
import type { StoreDialect } from './dialects/dialect.js';
import { writeMessages, type WriteResult } from './ingest/write-messages.js';
import { journeyQueries } from './journeys/journey-queries.js';
import { migrationProvider } from './migrations/index.js';
import { segmentMembers, type SegmentMembersOptions } from './segments/segment-members.js';
import { taskQueries } from './tasks.js';
import { teamQueries } from './team.js';
import { outboxQueries } from './outbox.js';
import { deliveryQueries } from './delivery.js';
import { GroupCommit } from './group-commit.js';
import { inAppMessageQueries } from './in-app-messages.js';
import { lifetimeValueFitQueries } from './lifetime-value-fits.js';
import { metricQueries } from './metrics/metric-queries.js';
import { readersDialect } from './dialects/readers-driver.js';
import { purchaseQueries } from './purchases.js';
import { timelineQueries } from './timeline.js';
import { userQueries } from './users.js';
import { workspaceQueries } from './workspaces.js';

const MAX_WRITE_ATTEMPTS = 5;
/** The tables ingestion writes to, which bulk loads grow. */
const INGESTED_TABLES = ['events', 'contacts', 'contact_identities', 'accounts', 'memberships', 'activity_daily'];

/**
 * The only code that knows SQL: one Store over SQLite and PostgreSQL. Areas of queries hang
 * off it by name (`store.accounts.list`), each written once for every database.
 */
export class Store implements AsyncDisposable {
  readonly db: Kysely<Database>;
  readonly workspaces;
  readonly users;
  readonly accounts;
  readonly contacts;
  readonly timeline;
  readonly definitions;
  readonly accountModels;
  readonly segmentMemberships;
  readonly definitionChanges;
  readonly escalations;
  readonly team;
  readonly tasks;
  readonly outbox;
  /** Consent (the suppression list), the message log and the secret of signed links. */
  readonly delivery;
  readonly inAppMessages;
  readonly journeys;
  readonly purchases;
  readonly lifetimeValueFits;
  /** Metrics counted in SQL: survey scores, retention. */
  readonly metrics;

  private constructor(readonly dialect: StoreDialect) {
    this.db = new Kysely<Database>({ dialect: dialect.kysely });
    this.workspaces = workspaceQueries(this.db);
    this.users = userQueries(this.db);
    this.accounts = accountQueries(this.db, dialect);
    this.contacts = contactQueries(this.db, dialect);
    this.timeline = timelineQueries(this.db, dialect);
    this.definitions = definitionQueries(this.db, dialect);
    this.accountModels = accountModelQueries(this.db, dialect);
    this.segmentMemberships = segmentMembershipQueries(this.db);
    this.definitionChanges = definitionChangeQueries(this.db);
    this.escalations = escalationQueries(this.db);
    this.team = teamQueries(this.db, dialect);
    const groupCommit = new GroupCommit(this.db);
    this.tasks = taskQueries(this.db, groupCommit);
    this.outbox = outboxQueries(this.db);
    this.delivery = deliveryQueries(this.db, groupCommit);
    this.inAppMessages = inAppMessageQueries(this.db);
    this.journeys = journeyQueries(this.db, dialect);
    // Analytics reads every event of a range: on the reader connections where the dialect has them.
    const reads = dialect.readers ? new Kysely<Database>({ dialect: readersDialect(dialect.kysely, dialect.readers) }) : this.db;
    this.purchases = purchaseQueries(reads);
    this.lifetimeValueFits = lifetimeValueFitQueries(this.db);
    this.metrics = metricQueries(reads, dialect);
  }

  /** Opens the store and brings its schema up to date. */
  static async open(dialect: StoreDialect, options: { migrate?: boolean } = {}): Promise<Store> {
    const store = new Store(dialect);
    if (options.migrate ?? true) await store.migrate();
    return store;
  }

  /** Applies pending numbered migrations; returns the names applied. */
  async migrate(): Promise<string[]> {
    const migrator = new Migrator({ db: this.db, provider: migrationProvider(this.dialect), migrationTableName: 'touchpoint_migrations', migrationLockTableName: 'touchpoint_migrations_lock' });
    const { error, results } = await migrator.migrateToLatest();
    if (error) throw error;
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  }

  /** Stores validated messages durably, in one transaction; see `writeMessages`. */
  async writeMessages(workspaceId: string, messages: readonly SegmentMessage[], newContactId: () => string): Promise<WriteResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await writeMessages(this.db, this.dialect, workspaceId, messages, newContactId);
      } catch (error) {
        // Concurrent writers on PostgreSQL can deadlock on the same contacts; the loser retries.
        if (attempt >= MAX_WRITE_ATTEMPTS || !this.dialect.isTransient(error)) throw error;
      }
    }
  }

  /** One account with its events and contacts, as segments and rules read it. */
  loadAccountSubject(workspaceId: string, groupId: string) {
    return loadAccountSubject(this.db, this.dialect, workspaceId, groupId);
  }

  /** Ids of the subjects in a segment, sorted; see `segmentMembers`. */
  segmentMembers(workspaceId: string, definition: SegmentDefinition, options: SegmentMembersOptions): Promise<string[]> {
    return segmentMembers(this.db, this.dialect, workspaceId, definition, options);
  }

  /**
   * Brings the planner's statistics up to date. Bulk loads call it as tables grow: on
   * PostgreSQL without autovacuum, a table never analyzed is scanned whole by the duplicate
   * check of every batch, and loading slows as the table grows.
   */
  async refreshStatistics(): Promise<void> {
    await sql.raw(this.dialect.refreshStatisticsSql(INGESTED_TABLES)).execute(this.db);
  }

  async close(): Promise<void> {
    await this.db.destroy();
    await this.dialect.close?.();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
