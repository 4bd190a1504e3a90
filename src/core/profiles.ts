/**
 * Accounts (Segment `group`) and contacts (Segment `identify`) keep their traits as sent, and
 * the fields every capability needs as typed columns. These functions read those fields from
 * traits the way customers write them (camelCase, snake_case, common synonyms).
 */

export const COMPLEXITIES = ['low', 'medium', 'high'] as const;
export type Complexity = (typeof COMPLEXITIES)[number];

export interface AccountFields {
  name?: string;
  plan?: string;
  /** Monthly recurring revenue. When only an annual contract value is known, it is ARR / 12. */
  mrr?: number;
  contractValue?: number;
  industry?: string;
  employees?: number;
  complexity?: Complexity;
  /** Epoch milliseconds. */
  renewalDate?: number;
  ownerEmail?: string;
}

export interface ContactFields {
  email?: string;
  name?: string;
  locale?: string;
  timezone?: string;
}

function pick(traits: Record<string, unknown>, keys: readonly string[]): unknown {
  for (const key of keys) {
    const value = traits[key];
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

function text(traits: Record<string, unknown>, keys: readonly string[]): string | undefined {
  const value = pick(traits, keys);
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined;
}

function number(traits: Record<string, unknown>, keys: readonly string[]): number | undefined {
  const value = pick(traits, keys);
  const n = typeof value === 'string' ? Number(value.replace(/[,_\s]/g, '')) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** The largest value of a 32-bit integer column. */
const MAX_INT32 = 2_147_483_647;
/** The range of a JavaScript Date, in epoch ms. */
const MAX_DATE_MS = 8.64e15;

function wholeNumber(traits: Record<string, unknown>, keys: readonly string[]): number | undefined {
  const n = number(traits, keys);
  return n === undefined || n < 0 || n > MAX_INT32 ? undefined : Math.round(n);
}

function date(traits: Record<string, unknown>, keys: readonly string[]): number | undefined {
  const value = pick(traits, keys);
  // A number is taken as epoch milliseconds; one outside a Date's range is not a date.
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) <= MAX_DATE_MS ? Math.round(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Only the fields present in `traits`; absent ones leave what is stored alone. */
export function accountFieldsFromTraits(traits: Record<string, unknown>): AccountFields {
  const contractValue = number(traits, ['contractValue', 'contract_value', 'arr', 'ARR', 'annualRevenue']);
  const mrr = number(traits, ['mrr', 'MRR', 'monthlyRevenue', 'monthly_revenue']) ?? (contractValue !== undefined ? contractValue / 12 : undefined);
  const complexity = text(traits, ['complexity', 'productComplexity', 'product_complexity'])?.toLowerCase();
  const fields: AccountFields = {
    name: text(traits, ['name', 'company', 'companyName']),
    plan: text(traits, ['plan', 'tier']),
    mrr,
    contractValue: contractValue ?? (mrr !== undefined ? mrr * 12 : undefined),
    industry: text(traits, ['industry']),
    employees: wholeNumber(traits, ['employees', 'employee_count', 'size']),
    complexity: COMPLEXITIES.find((c) => c === complexity),
    renewalDate: date(traits, ['renewalDate', 'renewal_date', 'renewsAt']),
    ownerEmail: text(traits, ['owner', 'ownerEmail', 'owner_email', 'csm'])?.toLowerCase(),
  };
  return withoutUndefined(fields);
}

export function contactFieldsFromTraits(traits: Record<string, unknown>): ContactFields {
  const first = text(traits, ['firstName', 'first_name']);
  const last = text(traits, ['lastName', 'last_name']);
  return withoutUndefined({
    email: text(traits, ['email'])?.toLowerCase(),
    name: text(traits, ['name']) ?? ([first, last].filter(Boolean).join(' ') || undefined),
    locale: text(traits, ['locale', 'language']),
    timezone: text(traits, ['timezone', 'timeZone', 'time_zone']),
  });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
