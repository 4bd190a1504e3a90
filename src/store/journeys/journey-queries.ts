import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { StoreDialect } from '../dialects/dialect.js';
import { journeyEffectQueries } from './journey-effects.js';
import { journeyRunQueries, type JourneySubjectRef } from './journey-runs.js';
import { journeyStats } from './journey-stats.js';
import { journeyStatusQueries } from './journey-status.js';
import { journeyTriggerQueries } from './journey-trigger-queries.js';
import { loadJourneySubject, type SubjectReads } from './journey-subject.js';
import { setSubjectTrait } from './subject-traits.js';

/** Durable journey runs: `store.journeys.runs`, `.effects`, whether each runs (`.status`), the stats and what runs read and write of their subjects. */
export function journeyQueries(db: Kysely<Database>, dialect: StoreDialect) {
  return {
    runs: journeyRunQueries(db, dialect),
    effects: journeyEffectQueries(db, dialect),
    status: journeyStatusQueries(db),
    stats: (workspaceId: string, journeyId: string) => journeyStats(db, workspaceId, journeyId),
    loadSubject: (workspaceId: string, subject: JourneySubjectRef, reads?: SubjectReads) => loadJourneySubject(db, dialect, workspaceId, subject, reads),
    triggers: journeyTriggerQueries(db, dialect),
    setTrait: (workspaceId: string, subject: JourneySubjectRef, name: string, value: unknown, at: number) => setSubjectTrait(db, dialect, workspaceId, subject, name, value, at),
  };
}
