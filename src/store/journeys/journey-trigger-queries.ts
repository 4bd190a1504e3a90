import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { StoreDialect } from '../dialects/dialect.js';
import { journeyFeedQueries } from './journey-feed.js';
import { triggerSubjectQueries } from './trigger-subjects.js';

/** What starts journey runs and reaches them: `store.journeys.triggers.feed` (the event cursor) and `.subjects`. */
export function journeyTriggerQueries(db: Kysely<Database>, dialect: StoreDialect) {
  return {
    feed: journeyFeedQueries(db, dialect),
    subjects: triggerSubjectQueries(db, dialect),
  };
}
