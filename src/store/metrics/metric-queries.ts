import type { Kysely } from 'kysely';
import type { SurveyKind } from '../../core/metrics/survey-scores.js';
import type { Database } from '../database.js';
import type { StoreDialect } from '../dialects/dialect.js';
import type { Audience } from './metric-sql.js';
import type { ConversionDefinition } from '../../core/metrics/conversion.js';
import { conversionCounts } from './conversion-counts.js';
import { reviewCounts } from './review-counts.js';
import { activations, mrrChanges } from './revenue-reads.js';
import { newCustomers, referralCounts } from './referral-reads.js';
import { stageTimesOf, type StageRange } from './stage-times.js';
import { interactionCounts } from './interaction-counts.js';
import { mapCellsOf } from './map-cells.js';
import { accountFeedback, audienceAccounts, renewalDates } from './health-reads.js';
import type { Framework } from '../../core/frameworks/framework-definition.js';
import { retentionCounts, type RetentionQuery } from './retention-counts.js';
import { surveyTallies } from './survey-tallies.js';

/** Metrics counted in SQL, per period of boundaries the core computes. */
export function metricQueries(db: Kysely<Database>, dialect: StoreDialect) {
  return {
    conversions: (workspaceId: string, definition: ConversionDefinition, boundaries: readonly number[], audience: Audience = {}) => conversionCounts(db, workspaceId, definition, boundaries, audience),
    reviews: (workspaceId: string, boundaries: readonly number[], audience: Audience = {}) => reviewCounts(db, dialect, workspaceId, boundaries, audience),
    mrrChanges: (workspaceId: string, before: number, audience: Audience = {}) => mrrChanges(db, dialect, workspaceId, before, audience),
    activations: (workspaceId: string, events: { signup: string; activation: string }, from: number, to: number, audience: Audience = {}) => activations(db, workspaceId, events, from, to, audience),
    newCustomers: (workspaceId: string, cohortEvent: string, from: number, to: number, audience: Audience = {}) => newCustomers(db, dialect, workspaceId, cohortEvent, from, to, audience),
    referralCounts: (workspaceId: string, boundaries: readonly number[], audience: Audience = {}) => referralCounts(db, workspaceId, boundaries, audience),
    stageTimes: (workspaceId: string, framework: Framework, range: StageRange) => stageTimesOf(db, dialect, workspaceId, framework, range),
    interactionCounts: (workspaceId: string, subject: 'contact' | 'account', from: number, to: number, subjectIds?: readonly string[]) => interactionCounts(db, workspaceId, subject, from, to, subjectIds),
    accountFeedback: (workspaceId: string, from: number, to: number, groupIds?: readonly string[]) => accountFeedback(db, workspaceId, from, to, groupIds),
    renewalDates: (workspaceId: string, groupIds?: readonly string[]) => renewalDates(db, workspaceId, groupIds),
    mapCells: (workspaceId: string, framework: Framework, range: StageRange) => mapCellsOf(db, dialect, workspaceId, framework, range),
    audienceAccounts: (workspaceId: string, audience: Audience) => audienceAccounts(db, workspaceId, audience),
    retention: (workspaceId: string, boundaries: readonly number[], query: RetentionQuery) => retentionCounts(db, workspaceId, boundaries, query),
    surveyTallies: (workspaceId: string, kind: SurveyKind, boundaries: readonly number[], audience: Audience = {}) => surveyTallies(db, dialect, workspaceId, kind, boundaries, audience),
  };
}
