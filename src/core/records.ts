import type { Category, Channel, Direction } from './interactions.js';
import type { AccountEconomics, EconomicsFlag } from './models/economics.js';
import type { EngagementModel } from './models/engagement-model.js';

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

export type AccountWithContacts = Account & { contacts: AccountContact[]; model: AccountModel | null };

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
