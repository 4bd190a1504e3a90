import type { Account, AccountContact, AccountWithContacts, Contact, FlaggedAccount, ModelEconomics, ModelSummary, Page, TimelineEntry } from '../../src/core/records';

export type { AccountContact, AccountWithContacts, FlaggedAccount, ModelEconomics, ModelSummary };

/** Who is logged in, as `GET /api/me` answers. */
export interface Me {
  workspaceId: string;
  user: { id: string; email: string; name: string | null; role: string } | null;
}

export interface Overview {
  totals: { accounts: number; contacts: number; events: number; revenue: number };
  /** Interactions per UTC day (epoch ms of midnight) and channel. */
  activity: { day: number; channel: string; count: number }[];
  from: number;
  to: number;
}

export interface AccountList {
  items: Account[];
  total: number;
  limit: number;
  offset: number;
}

export interface AccountFacets {
  plans: string[];
  industries: string[];
  complexities: string[];
  owners: string[];
}


export interface TimelineQuery {
  cursor?: string | null;
  channel?: string | null;
  limit?: number;
}

import { createRequest, json } from './http';

export { ApiError, ValidationFailed, type FieldIssue } from './http';

export interface ApiClient {
  me(): Promise<Me>;
  logIn(email: string, password: string): Promise<void>;
  logOut(): Promise<void>;
  overview(days: number): Promise<Overview>;
  accounts(query: URLSearchParams): Promise<AccountList>;
  accountFacets(): Promise<AccountFacets>;
  account(groupId: string): Promise<AccountWithContacts>;
  accountTimeline(groupId: string, query: TimelineQuery): Promise<Page<TimelineEntry>>;
  contact(userId: string): Promise<Contact>;
  contactTimeline(userId: string, query: TimelineQuery): Promise<Page<TimelineEntry>>;
  models(): Promise<ModelEconomics>;
  /** The definitions of a kind in force, as YAML documents. */
  definitions(kind: string): Promise<{ yaml: string }>;
  /** Checks YAML documents without storing; a problem throws `ValidationFailed` with issues by line and path. */
  validateDefinitions(yaml: string): Promise<{ definitions: { kind: string; id: string }[] }>;
  /** Applies YAML documents all or nothing, re-assigning accounts when segments, models or rules change. */
  applyDefinitions(yaml: string): Promise<{ applied: { kind: string; id: string }[]; assigned: { accounts: number; changed: number } | null }>;
}

/**
 * The dashboard's only way to the server: the REST API with the session cookie. A 401 from
 * any call but the login itself means the session is gone; `onUnauthorized` shows the login.
 */
export function createApiClient(options: { onUnauthorized: () => void }): ApiClient {
  const request = createRequest(options);
  const get = <T>(path: string) => request<T>('GET', path);
  const segment = encodeURIComponent;
  const timelineQuery = (query: TimelineQuery) => {
    const params = new URLSearchParams();
    if (query.cursor) params.set('cursor', query.cursor);
    if (query.channel) params.set('channel', query.channel);
    if (query.limit) params.set('limit', String(query.limit));
    const text = params.toString();
    return text ? `?${text}` : '';
  };

  return {
    me: () => get('/api/me'),
    logIn: async (email, password) => {
      await request('POST', '/auth/login', json({ email, password }));
    },
    logOut: async () => {
      await request('POST', '/auth/logout');
    },
    overview: (days) => get(`/api/overview?days=${days}`),
    accounts: (query) => get(`/api/accounts?${query.toString()}`),
    accountFacets: () => get('/api/accounts/facets'),
    account: (groupId) => get(`/api/accounts/${segment(groupId)}`),
    accountTimeline: (groupId, query) => get(`/api/accounts/${segment(groupId)}/timeline${timelineQuery(query)}`),
    contact: (userId) => get(`/api/contacts/${segment(userId)}`),
    contactTimeline: (userId, query) => get(`/api/contacts/${segment(userId)}/timeline${timelineQuery(query)}`),
    models: () => get('/api/models'),
    definitions: (kind) => get(`/api/definitions?kind=${encodeURIComponent(kind)}`),
    validateDefinitions: (yaml) => request('POST', '/api/definitions/validate', { text: yaml, contentType: 'application/yaml' }),
    applyDefinitions: (yaml) => request('PUT', '/api/definitions', { text: yaml, contentType: 'application/yaml' }),
  };
}

// Segments: definitions the dashboard lists, shows, previews and edits.

export type { Condition, ConditionKind, EventCondition, PropertyFilter, SubjectKind } from '../../src/core/segments/conditions';
export type { Op } from '../../src/core/segments/operators';
export type { SegmentDefinition } from '../../src/core/segments/segment-definition';
import type { SegmentDefinition as SegmentSpec } from '../../src/core/segments/segment-definition';

/** A member as lists show it: `key` is what its page is found by (group id, userId), null when it has no page. */
export interface SegmentSubject {
  id: string;
  name: string | null;
  detail: string | null;
  key: string | null;
}

export interface SegmentList {
  items: SegmentSpec[];
  /** Stored members per segment id; a segment without members is absent. */
  memberCounts: Record<string, number>;
}

export interface SegmentWithCount {
  segment: SegmentSpec;
  memberCount: number;
}

export interface SegmentMembers {
  segment: SegmentSpec;
  /** Every member's id. */
  items: string[];
  /** The first members, named. */
  subjects: SegmentSubject[];
}

export interface SegmentChange {
  segmentId: string;
  subjectId: string;
  change: 'entered' | 'exited';
  at: number;
}

export interface SegmentPreview {
  count: number;
  sample: string[];
  subjects: SegmentSubject[];
}


export interface SegmentsApi {
  list(): Promise<SegmentList>;
  get(id: string): Promise<SegmentWithCount>;
  members(id: string): Promise<SegmentMembers>;
  history(id: string, limit: number): Promise<{ items: SegmentChange[]; subjects: SegmentSubject[] }>;
  preview(draft: unknown, signal?: AbortSignal): Promise<SegmentPreview>;
  create(definition: unknown): Promise<SegmentWithCount>;
  replace(id: string, definition: unknown): Promise<SegmentWithCount>;
  remove(id: string): Promise<void>;
}

/**
 * `/api/segments` with the session cookie. A 400 throws `ValidationFailed` carrying the
 * issues; a 401 calls `onUnauthorized`, as the rest of the client does.
 */
export function createSegmentsApi(options: { onUnauthorized: () => void }): SegmentsApi {
  const request = createRequest(options);
  const path = (id: string) => `/api/segments/${encodeURIComponent(id)}`;
  return {
    list: () => request('GET', '/api/segments'),
    get: (id) => request('GET', path(id)),
    members: (id) => request('GET', `${path(id)}/members`),
    history: (id, limit) => request('GET', `${path(id)}/history?limit=${limit}`),
    preview: (draft, signal) => request('POST', '/api/segments/preview', json(draft), signal),
    create: (definition) => request('POST', '/api/segments', json(definition)),
    replace: (id, definition) => request('PUT', path(id), json(definition)),
    remove: (id) => request('DELETE', path(id)),
  };
}

// Assignment rules: the rules in force, what a draft would do, applying it with its audit trail, and the moves.

export type { AssignmentRules } from '../../src/core/models/assignment';
export type { DefinitionAuditEntry, ModelMovesPerDay, RulesApplied, RulesInForce, RulesWhatIf } from '../../src/core/records';
import type { DefinitionAuditEntry, ModelMovesPerDay, RulesApplied, RulesInForce, RulesWhatIf } from '../../src/core/records';

export interface ModelRulesApi {
  inForce(): Promise<RulesInForce>;
  /** What the draft would do now; nothing is stored. A wrong draft throws `ValidationFailed`. */
  whatIf(draft: unknown): Promise<RulesWhatIf>;
  /** Stores the draft and moves the accounts; a wrong draft throws `ValidationFailed`. */
  apply(draft: unknown): Promise<RulesApplied>;
  history(limit: number): Promise<{ items: DefinitionAuditEntry[] }>;
  moves(days: number): Promise<ModelMovesPerDay>;
}

/**
 * `/api/models/rules`, `/what-if` and `/moves` with the session cookie. A 400 throws
 * `ValidationFailed` carrying the issues by path; a 401 calls `onUnauthorized`.
 */
export function createModelRulesApi(options: { onUnauthorized: () => void }): ModelRulesApi {
  const request = createRequest(options);
  return {
    inForce: () => request('GET', '/api/models/rules'),
    whatIf: (draft) => request('POST', '/api/models/what-if', json(draft)),
    apply: (draft) => request('PUT', '/api/models/rules', json(draft)),
    history: (limit) => request('GET', `/api/models/rules/history?limit=${limit}`),
    moves: (days) => request('GET', `/api/models/moves?days=${days}`),
  };
}

// Predictive lifetime value: the workspace's latest fit of BG/NBD and Gamma-Gamma, and a contact's figures under it.

export type { FitSummary, LifetimeValueRow } from '../../src/core/clv/lifetime-value-report';
import type { FitSummary, LifetimeValueRow } from '../../src/core/clv/lifetime-value-report';

export interface ContactLifetimeValue {
  fit: FitSummary | null;
  customer: LifetimeValueRow | null;
}

export interface LifetimeValueApi {
  ofContact(userId: string): Promise<ContactLifetimeValue>;
  /** Fits the models on purchases through today with the default settings; the fit becomes the latest. */
  fit(): Promise<{ fit: FitSummary }>;
}

export function createLifetimeValueApi(options: { onUnauthorized: () => void }): LifetimeValueApi {
  const request = createRequest(options);
  return {
    ofContact: (userId) => request('GET', `/api/contacts/${encodeURIComponent(userId)}/lifetime-value`),
    fit: () => request('POST', '/api/metrics/lifetime-value', json({})),
  };
}

// Metrics: each over a range of periods, as `/api/metrics/...` answers.

export type { RevenuePeriod } from '../../src/core/metrics/revenue-retention';
import type { RevenuePeriod } from '../../src/core/metrics/revenue-retention';

export interface ScorePeriod {
  start: number;
  end: number;
  score: number | null;
  responses: number;
}
export interface SurveyScores {
  kind: 'nps' | 'csat' | 'ces';
  score: number | null;
  tally: { responses: number; positive: number; negative: number };
  periods: ScorePeriod[];
}
export interface ConversionSeries {
  visitors: number;
  conversions: number;
  rate: number | null;
  periods: { start: number; end: number; visitors: number; conversions: number; rate: number | null }[];
}
export interface RevenueSeries {
  total: RevenuePeriod;
  periods: RevenuePeriod[];
  historical: { averageRevenuePerAccount: number | null; margin: number; monthlyChurnRate: number | null; lifetimeValue: number | null };
}
export interface TimeToValueSeries {
  signedUp: number;
  activated: number;
  activationRate: number | null;
  medianMs: number | null;
  periods: { start: number; end: number; signedUp: number; activated: number; medianMs: number | null }[];
}
export interface SourceShare {
  source: string;
  count: number;
  share: number;
}
export interface ReferralSeries {
  newCustomers: number;
  referralsSent: number;
  sources: SourceShare[];
  periods: { start: number; end: number; newCustomers: number; referralsSent: number }[];
}
export interface ReviewSummary {
  reviews: number;
  averageRating: number | null;
  positiveShare: number | null;
}
export interface ReviewSeries extends ReviewSummary {
  periods: (ReviewSummary & { start: number; end: number })[];
  sources: (ReviewSummary & { source: string })[];
}
export interface RetentionTable {
  interval: string;
  cohortEvent: string;
  cohorts: { start: number; size: number; active: number[]; rates: (number | null)[] }[];
}

export interface MetricsApi {
  survey(kind: 'nps' | 'csat' | 'ces', query: string): Promise<SurveyScores>;
  conversion(query: string): Promise<ConversionSeries>;
  revenue(query: string): Promise<RevenueSeries>;
  timeToValue(query: string): Promise<TimeToValueSeries>;
  referrals(query: string): Promise<ReferralSeries>;
  reviews(query: string): Promise<ReviewSeries>;
  retention(query: string): Promise<RetentionTable>;
}

/** `/api/metrics/...`; `query` is the range and filters, e.g. `interval=month&periods=12`. */
export function createMetricsApi(options: { onUnauthorized: () => void }): MetricsApi {
  const request = createRequest(options);
  return {
    survey: (kind, query) => request('GET', `/api/metrics/surveys/${kind}?${query}`),
    conversion: (query) => request('GET', `/api/metrics/conversion?${query}`),
    revenue: (query) => request('GET', `/api/metrics/revenue?${query}`),
    timeToValue: (query) => request('GET', `/api/metrics/time-to-value?${query}`),
    referrals: (query) => request('GET', `/api/metrics/referrals?${query}`),
    reviews: (query) => request('GET', `/api/metrics/reviews?${query}`),
    retention: (query) => request('GET', `/api/metrics/retention?${query}`),
  };
}

// Frameworks: stage models and their funnels.

export type { Framework } from '../../src/core/frameworks/framework-definition';
import type { Framework } from '../../src/core/frameworks/framework-definition';

export interface FunnelStage {
  stage: string;
  name: string;
  reached: number;
  conversion: number | null;
  dropOff: number;
  current: number;
  medianTimeInStageMs: number | null;
}
export interface FunnelResult {
  entered: number;
  stages: FunnelStage[];
  loop: { to: string; looped: number; share: number | null } | null;
}
export interface FrameworkFunnel extends FunnelResult {
  framework: Framework;
  interval: string;
  cohorts: (FunnelResult & { start: number; end: number })[];
}
export interface SubjectStages {
  framework: { id: string; name: string };
  current: { stage: string; since: number } | null;
  stages: { id: string; name: string; reachedAt: number | null }[];
  loopedAt: number | null;
}

export interface FrameworksApi {
  list(): Promise<{ items: Framework[] }>;
  funnel(id: string, query: string): Promise<FrameworkFunnel>;
  ofContact(userId: string): Promise<{ items: SubjectStages[] }>;
  ofAccount(groupId: string): Promise<{ items: SubjectStages[] }>;
}

export function createFrameworksApi(options: { onUnauthorized: () => void }): FrameworksApi {
  const request = createRequest(options);
  return {
    list: () => request('GET', '/api/frameworks'),
    funnel: (id, query) => request('GET', `/api/frameworks/${encodeURIComponent(id)}/funnel?${query}`),
    ofContact: (userId) => request('GET', `/api/contacts/${encodeURIComponent(userId)}/stages`),
    ofAccount: (groupId) => request('GET', `/api/accounts/${encodeURIComponent(groupId)}/stages`),
  };
}

// Engagement scores by type.

export interface EngagementTypeScore {
  type: string;
  name: string;
  score: number;
  maxPoints: number;
  sources: { label: string; interactions: number; points: number }[];
}
export interface EngagementScore {
  subjectId: string;
  name?: string | null;
  total: number;
  previousTotal: number;
  trend: number;
  types: EngagementTypeScore[];
  explanation: string;
}
export interface AccountEngagement {
  typology: { id: string; name: string };
  typologies: { id: string; name: string }[];
  windowDays: number;
  score: EngagementScore | null;
}
export interface EngagementList {
  typology: { id: string; name: string };
  windowDays: number;
  items: EngagementScore[];
  total: number;
}

export interface ScoresApi {
  ofAccount(groupId: string, typology?: string): Promise<AccountEngagement>;
  list(query: string): Promise<EngagementList>;
}

export function createScoresApi(options: { onUnauthorized: () => void }): ScoresApi {
  const request = createRequest(options);
  return {
    ofAccount: (groupId, typology) => request('GET', `/api/accounts/${encodeURIComponent(groupId)}/engagement${typology ? `?typology=${encodeURIComponent(typology)}` : ''}`),
    list: (query) => request('GET', `/api/scores/engagement?${query}`),
  };
}

// Goals: KPIs with targets.

export interface GoalProgress {
  goal: { id: string; name: string; metric: string; period: string; target: number; benchmark?: number };
  unit: string;
  better: 'higher' | 'lower';
  start: number;
  end: number;
  elapsed: number;
  value: number | null;
  previous: number | null;
  expected: number;
  progress: number | null;
  status: 'met' | 'on-track' | 'off-track' | 'no-data';
}

export function createGoalsApi(options: { onUnauthorized: () => void }): { list(): Promise<{ items: GoalProgress[] }> } {
  const request = createRequest(options);
  return { list: () => request('GET', '/api/goals') };
}

export interface JourneyMap {
  framework: Framework;
  entered: number;
  stages: (FunnelStage & { volume: number; emotion: number | null })[];
  touchpoints: { stage: string; channel: string; category: string; volume: number; subjects: number; rated: number; emotion: number | null }[];
  painPoints: { stage: string; channel: string | null; category: string | null; reason: string }[];
}

export function createJourneyMapApi(options: { onUnauthorized: () => void }): { of(id: string, query: string): Promise<JourneyMap> } {
  const request = createRequest(options);
  return { of: (id, query) => request('GET', `/api/frameworks/${encodeURIComponent(id)}/journey-map?${query}`) };
}

// Account health.

export interface AccountHealthItem {
  groupId: string;
  name?: string | null;
  score: number | null;
  grade: 'A' | 'B' | 'C' | 'D' | 'F' | null;
  measures: Record<'usage' | 'engagement' | 'support' | 'feedback' | 'renewal', number | null>;
  previousScore: number | null;
  trend: number | null;
}
export interface HealthScoringSettings {
  windowDays: number;
  weights: Record<'usage' | 'engagement' | 'support' | 'feedback' | 'renewal', number>;
}

export function createHealthApi(options: { onUnauthorized: () => void }) {
  const request = createRequest(options);
  return {
    ofAccount: (groupId: string): Promise<{ scoring: HealthScoringSettings; health: AccountHealthItem | null }> => request('GET', `/api/accounts/${encodeURIComponent(groupId)}/health`),
    list: (query: string): Promise<{ scoring: HealthScoringSettings; items: AccountHealthItem[]; total: number }> => request('GET', `/api/scores/health?${query}`),
  };
}
