import type { Migration, MigrationProvider } from 'kysely';
import type { StoreDialect } from '../dialects/dialect.js';
import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-activity-daily.js';
import * as m0003 from './0003-definitions.js';
import * as m0004 from './0004-account-models.js';
import * as m0005 from './0005-segment-memberships.js';
import * as m0006 from './0006-team-and-tasks.js';
import * as m0007 from './0007-definition-changes.js';
import * as m0008 from './0008-journeys.js';
import * as m0009 from './0009-journey-feed.js';
import * as m0010 from './0010-outbox.js';
import * as m0011 from './0011-event-segment-indexes.js';
import * as m0012 from './0012-delivery.js';
import * as m0013 from './0013-journey-status.js';
import * as m0014 from './0014-journey-throughput.js';
import * as m0015 from './0015-lifetime-value-fits.js';
import * as m0016 from './0016-event-name-index.js';

/** Numbered migrations, applied in order; a new one is a new file added to this list. */
const MIGRATIONS = { '0001-initial': m0001, '0002-activity-daily': m0002, '0003-definitions': m0003, '0004-account-models': m0004, '0005-segment-memberships': m0005, '0006-team-and-tasks': m0006, '0007-definition-changes': m0007, '0008-journeys': m0008, '0009-journey-feed': m0009, '0010-outbox': m0010, '0011-event-segment-indexes': m0011, '0012-delivery': m0012, '0013-journey-status': m0013, '0014-journey-throughput': m0014, '0015-lifetime-value-fits': m0015, '0016-event-name-index': m0016 } as const;

export function migrationProvider(dialect: StoreDialect): MigrationProvider {
  return {
    async getMigrations() {
      const migrations: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(MIGRATIONS)) migrations[name] = { up: (db) => m.up(db, dialect) };
      return migrations;
    },
  };
}
