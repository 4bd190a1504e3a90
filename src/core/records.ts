import type { Category, Channel, Direction } from './interactions.js';
import type { AccountEconomics, EconomicsFlag } from './models/economics.js';
import type { EngagementModel } from './models/engagement-model.js';
import type { DefinitionKind } from './definitions/definition-documents.js';
import type { AssignmentRules } from './models/assignment.js';
import type { AssignmentDiff, MovingAccount } from './models/assignment-diff.js';

/** The shapes the API returns and the dashboard shows. Times are epoch milliseconds. */

export interface Account {
  groupId: string;
  name: string | null;
  plan: string | null;
  mrr: number | null;
  contractValue: number | null;
  industry: string | null;
  employees: number | null;
  complexity: string | null;
  renewalDate: number | null;
  ownerEmail: string | null;
  traits: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
  contactCount: number;
  /** Time of the account's newest interaction, if any. */
  lastSeenAt: number | null;
}

export interface Contact {
  id: string;
  userIds: string[];
  anonymousIds: string[];
  email: string | null;
  name: string | null;
  locale: string | null;
  timezone: string | null;
  traits: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
  /** Group ids of the accounts the contact belongs to. */
  accounts: string[];
}

/** A contact as an account lists them: the person and when they joined the account. */
export interface AccountContact {
  id: string;
  userId: string | null;
  email: string | null;
  name: string | null;
  title: string | null;
  joinedAt: number;
  updatedAt: number;
}

/** An account's engagement model, the phase it is in, and why. */
export interface AccountModel {
  groupId: string;
  modelId: string;
  phaseId: string;
  /** The assignment rule that chose the model; null for the default. */
  ruleId: string | null;
  reason: string;
  since: number;
  phaseSince: number;
}

export type AccountWithContacts = Account & {
  contacts: AccountContact[];
  model: AccountModel | null;
  /** The CSM who owns the account, chosen by the owner rule or by a person. */
  owner: AccountOwnerView | null;
  /** Set while an escalation rule holds the account in a more hands-on model. */
  escalation: AccountEscalation | null;
  openTasks: Task[];
};

export interface AccountOwnerView {
  memberId: string;
  name: string;
  email: string;
  reason: string;
  since: number;
}

export interface AccountEscalation {
  ruleId: string;
  fromModel: string;
  fromPhase: string;
  escalatedAt: number;
  /** Start of the current stretch without the signal; null while it holds. */
  healthySince: number | null;
}

export interface TimelineEntry {
  id: number;
  messageId: string;
  type: string;
  name: string | null;
  contactId: string | null;
  userId: string | null;
  groupId: string | null;
  timestamp: number;
  channel: Channel;
  direction: Direction;
  category: Category;
  rating: number | null;
  sentiment: number | null;
  revenue: number | null;
  properties: Record<string, unknown>;
}

/** A page of a list that is read newest first; pass `nextCursor` back as `cursor` for the next. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A model in force with the accounts it serves and their monthly economics. */
export interface ModelSummary {
  model: EngagementModel;
  economics: AccountEconomics & { accounts: number };
}

/** An account whose model its economics question. */
export interface FlaggedAccount {
  groupId: string;
  name: string | null;
  modelId: string;
  economics: AccountEconomics;
  flags: EconomicsFlag[];
}

/** `GET /api/models`. */
export interface ModelEconomics {
  models: ModelSummary[];
  flagged: FlaggedAccount[];
}

/** Human work on an account, as the API returns it. */
export interface Task {
  id: string;
  groupId: string;
  accountName: string | null;
  /** The template that created it; null for a task a person added. */
  templateId: string | null;
  type: string;
  title: string;
  description: string | null;
  ownerId: string | null;
  ownerName: string | null;
  status: 'open' | 'done' | 'cancelled';
  dueAt: number;
  /** Open and past its due time. */
  overdue: boolean;
  outcome: string | null;
  createdBy: string;
  createdAt: number;
  closedAt: number | null;
}

/** `GET /api/models/rules`: the assignment rules in force; `shipped` until the workspace stores its own. */
export interface RulesInForce {
  rules: AssignmentRules;
  shipped: boolean;
}

/** `POST /api/models/what-if`: what a draft rule set would do to the accounts now, nothing stored. */
export interface RulesWhatIf extends Omit<AssignmentDiff, 'sample'> {
  rules: AssignmentRules;
  sample: (MovingAccount & { reason: string })[];
}

/** One stored change of a definition, kept for audit: what it was, what it became, who, and its effect. */
export interface DefinitionAuditEntry {
  id: number;
  kind: DefinitionKind;
  definitionId: string;
  /** What was in force before (the shipped definition, if none was stored); null when there was none. */
  previousSpec: unknown;
  spec: unknown;
  changedBy: string;
  changedAt: number;
  /** What the change did, e.g. "12 accounts moved: 7 to low-touch, 5 to no-touch". */
  summary: string;
}

/** `PUT /api/models/rules`: the moves made and the audit row of the change. */
export interface RulesApplied extends RulesWhatIf {
  change: DefinitionAuditEntry;
}

/** `GET /api/models/moves`: accounts moved into each model per UTC day (epoch ms of midnight) in [from, to). */
export interface ModelMovesPerDay {
  from: number;
  to: number;
  items: { day: number; modelId: string; count: number }[];
}

/** One change of an account's model or phase: who or what made it, and why. */
export interface ModelChange {
  fromModel: string | null;
  fromPhase: string | null;
  toModel: string;
  toPhase: string;
  reason: string;
  changedBy: string;
  changedAt: number;
}

/** One change of an account's owner; `toMember` null when the account was released. */
export interface OwnerChange {
  fromMember: string | null;
  toMember: string | null;
  reason: string;
  changedBy: string;
  changedAt: number;
}
