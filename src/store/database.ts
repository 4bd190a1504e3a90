import type { Generated } from 'kysely';

/**
 * The tables as Kysely sees them. Every row belongs to a workspace. Times are epoch
 * milliseconds (BIGINT), so analytic SQL reads the same on SQLite and PostgreSQL.
 * JSON columns hold text on SQLite and jsonb on PostgreSQL; `StoreDialect.readJson` reads both.
 */
export interface Database {
  outbox_messages: OutboxMessageTable;
  workspaces: WorkspaceTable;
  write_keys: WriteKeyTable;
  api_tokens: ApiTokenTable;
  users: UserTable;
  sessions: SessionTable;
  accounts: AccountTable;
  contacts: ContactTable;
  contact_identities: ContactIdentityTable;
  memberships: MembershipTable;
  events: EventTable;
  activity_daily: ActivityDailyTable;
  definitions: DefinitionTable;
  account_models: AccountModelTable;
  model_changes: ModelChangeTable;
  segment_members: SegmentMemberTable;
  segment_changes: SegmentChangeTable;
  definition_changes: DefinitionChangeTable;
  team_members: TeamMemberTable;
  account_owners: AccountOwnerTable;
  owner_changes: OwnerChangeTable;
  tasks: TaskTable;
  journey_runs: JourneyRunTable;
  journey_effects: JourneyEffectTable;
  journey_visits: JourneyVisitTable;
  journey_feed_cursors: JourneyFeedCursorTable;
  journey_status: JourneyStatusTable;
  email_suppressions: EmailSuppressionTable;
  messages: MessageTable;
  message_counts: MessageCountTable;
  workspace_secrets: WorkspaceSecretTable;
  in_app_messages: InAppMessageTable;
  lifetime_value_fits: LifetimeValueFitTable;
}

export interface WorkspaceTable {
  id: string;
  name: string;
  created_at: number;
}

export interface WriteKeyTable {
  key: string;
  workspace_id: string;
  created_at: number;
}

export interface ApiTokenTable {
  token: string;
  workspace_id: string;
  name: string;
  created_at: number;
}

export interface UserTable {
  id: string;
  workspace_id: string;
  email: string;
  name: string | null;
  password_hash: string;
  role: 'admin' | 'manager' | 'csm';
  created_at: number;
}

export interface SessionTable {
  /** SHA-256 of the cookie value: a leaked database does not hand out live sessions. */
  id_hash: string;
  user_id: string;
  workspace_id: string;
  created_at: number;
  expires_at: number;
}

export interface AccountTable {
  workspace_id: string;
  group_id: string;
  name: string | null;
  plan: string | null;
  mrr: number | null;
  contract_value: number | null;
  industry: string | null;
  employees: number | null;
  complexity: string | null;
  renewal_date: number | null;
  owner_email: string | null;
  traits: unknown;
  created_at: number;
  updated_at: number;
}

export interface ContactTable {
  workspace_id: string;
  id: string;
  email: string | null;
  name: string | null;
  locale: string | null;
  timezone: string | null;
  traits: unknown;
  created_at: number;
  updated_at: number;
}

/** How a contact is recognised: Segment `userId` (kind `user`) or `anonymousId` (`anonymous`). */
export interface ContactIdentityTable {
  workspace_id: string;
  kind: 'user' | 'anonymous';
  value: string;
  contact_id: string;
}

export interface MembershipTable {
  workspace_id: string;
  group_id: string;
  contact_id: string;
  created_at: number;
}

/**
 * Every message ingested, as received (identify and group calls too, so nothing is lost).
 * Track, page and screen messages are interactions: they carry a channel.
 */
export interface EventTable {
  id: Generated<number>;
  workspace_id: string;
  message_id: string;
  type: string;
  name: string | null;
  contact_id: string | null;
  user_id: string | null;
  anonymous_id: string | null;
  group_id: string | null;
  timestamp: number;
  received_at: number;
  channel: string | null;
  direction: string | null;
  category: string | null;
  rating: number | null;
  sentiment: number | null;
  revenue: number | null;
  properties: unknown;
  traits: unknown;
  context: unknown;
}

/** Rollup of events per UTC day and channel (`''` for identify, group and alias calls). */
export interface ActivityDailyTable {
  workspace_id: string;
  day: number;
  channel: string;
  events: number;
  revenue: number;
}

/** A definition document (segment, engagement model, assignment rules), valid when stored. */
export interface DefinitionTable {
  workspace_id: string;
  kind: string;
  id: string;
  spec: unknown;
  updated_at: number;
  /** Who or what stored it: a user's e-mail, `touchpoint apply`, ... */
  updated_by: string;
}

/** An account's current engagement model and phase, and why. */
export interface AccountModelTable {
  workspace_id: string;
  group_id: string;
  model_id: string;
  phase_id: string;
  /** The assignment rule that chose the model; null for the default or a person's choice. */
  rule_id: string | null;
  reason: string;
  since: number;
  phase_since: number;
  /** The escalation rule that moved the account here; null when not escalated. */
  escalation_rule: string | null;
  escalated_from_model: string | null;
  escalated_from_phase: string | null;
  escalated_at: number | null;
  /** Start of the current stretch without the escalation's signal. */
  healthy_since: number | null;
}

/** One change of an account's model or phase. */
export interface ModelChangeTable {
  id: Generated<number>;
  workspace_id: string;
  group_id: string;
  from_model: string | null;
  from_phase: string | null;
  to_model: string;
  to_phase: string;
  reason: string;
  /** `rules`, `touchpoint apply`, a user's e-mail, ... */
  changed_by: string;
  changed_at: number;
}

/** A subject (contact id or account group id) in a segment now, since when. */
export interface SegmentMemberTable {
  workspace_id: string;
  segment_id: string;
  subject_id: string;
  since: number;
}

/** A subject entering or leaving a segment. */
export interface SegmentChangeTable {
  id: Generated<number>;
  workspace_id: string;
  segment_id: string;
  subject_id: string;
  change: 'entered' | 'exited';
  at: number;
}

/** A person on the customer success team; `territories` and `segments` are JSON lists as text. */
export interface TeamMemberTable {
  workspace_id: string;
  id: string;
  email: string;
  name: string;
  role: string;
  capacity: number;
  territories: string;
  segments: string;
  /** 1 or 0: integers read the same on both databases. */
  active: number;
  created_at: number;
}

/** Who owns an account now, since when and why. */
export interface AccountOwnerTable {
  workspace_id: string;
  group_id: string;
  member_id: string;
  reason: string;
  since: number;
}

/** One change of an account's owner; `to_member` null when the account was released. */
export interface OwnerChangeTable {
  id: Generated<number>;
  workspace_id: string;
  group_id: string;
  from_member: string | null;
  to_member: string | null;
  reason: string;
  changed_by: string;
  changed_at: number;
}

/** Human work on an account: open, done or cancelled. */
export interface TaskTable {
  workspace_id: string;
  id: string;
  task_key: string;
  group_id: string;
  template_id: string | null;
  type: string;
  title: string;
  description: string | null;
  owner_id: string | null;
  status: 'open' | 'done' | 'cancelled';
  due_at: number;
  outcome: string | null;
  created_by: string;
  created_at: number;
  closed_at: number | null;
}

/** A definition changed through the API, for audit: the spec before (null: there was none) and after. */
export interface DefinitionChangeTable {
  id: Generated<number>;
  workspace_id: string;
  kind: string;
  definition_id: string;
  previous_spec: string | null;
  spec: string;
  changed_by: string;
  changed_at: number;
  summary: string;
}

/** One run of a journey for one subject; `state` is the core's RunState as JSON text. */
export interface JourneyRunTable {
  workspace_id: string;
  id: string;
  journey_id: string;
  subject_kind: 'contact' | 'account';
  subject_id: string;
  status: 'active' | 'waiting' | 'completed' | 'exited' | 'converted';
  state: string;
  trigger_data: string;
  version: number;
  /** When the run's timer is due; null unless it is waiting. */
  wake_at: number | null;
  leased_until: number | null;
  entered_at: number;
  updated_at: number;
  ended_at: number | null;
}

/** The ledger of journey effects: each performed once under its key, retried with backoff. */
export interface JourneyEffectTable {
  id: Generated<number>;
  workspace_id: string;
  key: string;
  run_id: string;
  journey_id: string;
  step_id: string;
  kind: string;
  payload: string;
  /** `failed`: the last attempt failed and another is due at `next_attempt_at`; `dead`: given up. */
  status: 'pending' | 'done' | 'failed' | 'dead';
  attempts: number;
  /** When the effect may next be claimed; null once done or dead. */
  next_attempt_at: number | null;
  leased_until: number | null;
  last_error: string | null;
  created_at: number;
  done_at: number | null;
}

/** A run entering a step, for the per-step and per-arm counts. */
export interface JourneyVisitTable {
  id: Generated<number>;
  workspace_id: string;
  journey_id: string;
  run_id: string;
  step_id: string;
  at: number;
  arm: string | null;
}

/** Where the journey event feed stands in a workspace, and which feeder holds it. */
export interface JourneyFeedCursorTable {
  workspace_id: string;
  /** Events up to this id have been delivered to journeys. */
  position: number;
  /** The highest event id when the pending horizon was taken; null when none is pending. */
  horizon: number | null;
  /** JSON list of the event writes under way when the horizon was taken. */
  horizon_writers: string | null;
  claims: number;
  leased_until: number | null;
  updated_at: number;
}

/** E-mail kept instead of sent (no SMTP server configured); one row per message key. */
export interface OutboxMessageTable {
  message_key: string;
  workspace_id: string;
  message_id: string;
  from_address: string;
  to_address: string;
  to_name: string | null;
  subject: string;
  html: string;
  text: string;
  headers: string;
  created_at: number;
}

export interface EmailSuppressionTable {
  workspace_id: string;
  address: string;
  reason: 'unsubscribed' | 'bounced' | 'complained' | 'manual';
  detail: string | null;
  created_by: string;
  created_at: number;
}

export interface MessageTable {
  workspace_id: string;
  message_key: string;
  contact_id: string;
  channel: 'email' | 'in-app' | 'webhook';
  status: 'sent' | 'suppressed' | 'capped' | 'bounced';
  journey_id: string | null;
  step_id: string | null;
  template_id: string | null;
  address: string | null;
  subject: string | null;
  detail: string | null;
  at: number;
}

/** Messages sent per workspace, channel and minute (`minute`: its first millisecond): what a rate limit reads. */
export interface MessageCountTable {
  workspace_id: string;
  channel: MessageTable['channel'];
  minute: number;
  sent: number;
}

export interface WorkspaceSecretTable {
  workspace_id: string;
  purpose: 'links' | 'webhooks';
  secret: string;
  created_at: number;
}

export interface InAppMessageTable {
  workspace_id: string;
  id: string;
  contact_id: string;
  journey_id: string | null;
  template_id: string;
  locale: string;
  title: string;
  body: string;
  status: 'pending' | 'seen' | 'dismissed';
  created_at: number;
  seen_at: number | null;
  dismissed_at: number | null;
}

/** A journey's status where it was set; journeys without a row have their default. */
export interface JourneyStatusTable {
  workspace_id: string;
  journey_id: string;
  status: 'active' | 'paused';
  changed_by: string;
  changed_at: number;
}

export interface LifetimeValueFitTable {
  workspace_id: string;
  purchase_event: string;
  calibration_end: number;
  horizon_weeks: number;
  annual_discount_rate: number;
  margin: number;
  customers: number;
  repeat_customers: number;
  bg_nbd_r: number;
  bg_nbd_alpha: number;
  bg_nbd_a: number;
  bg_nbd_b: number;
  bg_nbd_log_likelihood: number;
  gamma_gamma_p: number;
  gamma_gamma_q: number;
  gamma_gamma_gamma: number;
  gamma_gamma_log_likelihood: number;
  fitted_at: number;
}
