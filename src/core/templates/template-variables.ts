import type { Account, Contact } from '../records.js';

/**
 * What a message template may refer to. The catalogue decides which references are typos:
 * a name outside it (`{{ contcat.email }}`, `{{ contact.frist_name }}`) is refused when the
 * template is saved, while anything under an open map (`contact.traits.*`, `account.traits.*`,
 * `event.properties.*`) is accepted at any depth, because whether a contact has a trait is
 * only known at send time. A missing trait renders as nothing; `| default: '...'` covers it.
 */
type Shape = 'value' | 'open' | { readonly [field: string]: Shape };

export const TEMPLATE_VARIABLES = {
  contact: {
    id: 'value',
    userId: 'value',
    email: 'value',
    name: 'value',
    firstName: 'value',
    lastName: 'value',
    locale: 'value',
    timezone: 'value',
    traits: 'open',
  },
  account: {
    id: 'value',
    name: 'value',
    plan: 'value',
    mrr: 'value',
    contractValue: 'value',
    industry: 'value',
    employees: 'value',
    complexity: 'value',
    renewalDate: 'value',
    ownerEmail: 'value',
    traits: 'open',
  },
  event: { name: 'value', timestamp: 'value', properties: 'open' },
  journey: { id: 'value', name: 'value', step: 'value' },
  links: { unsubscribe: 'value' },
} as const satisfies Record<string, Shape>;

/** The data a template is rendered with. Dates are ISO 8601 strings, so Liquid's `date` filter reads them. */
export interface MessageVariables {
  contact: {
    id: string;
    userId: string | null;
    email: string | null;
    name: string | null;
    firstName: string | null;
    lastName: string | null;
    locale: string | null;
    timezone: string | null;
    traits: Record<string, unknown>;
  };
  account: {
    id: string;
    name: string | null;
    plan: string | null;
    mrr: number | null;
    contractValue: number | null;
    industry: string | null;
    employees: number | null;
    complexity: string | null;
    renewalDate: string | null;
    ownerEmail: string | null;
    traits: Record<string, unknown>;
  } | null;
  event: { name: string; timestamp: string; properties: Record<string, unknown> } | null;
  journey: { id: string; name: string; step: string } | null;
  links: { unsubscribe: string | null };
}

type ContactInput = Pick<Contact, 'id' | 'userIds' | 'email' | 'name' | 'locale' | 'timezone' | 'traits'>;
type AccountInput = Pick<Account, 'groupId' | 'name' | 'plan' | 'mrr' | 'contractValue' | 'industry' | 'employees' | 'complexity' | 'renewalDate' | 'ownerEmail' | 'traits'>;

export interface MessageVariablesInput {
  contact: ContactInput;
  account?: AccountInput | null;
  event?: { name: string; timestamp: number; properties: Record<string, unknown> } | null;
  journey?: { id: string; name: string; step: string } | null;
  /** Filled by the channel: the contact's own unsubscribe address. */
  unsubscribeUrl?: string | null;
}

/** The variables of one message, from the records the engine holds. */
export function messageVariables(input: MessageVariablesInput): MessageVariables {
  const { contact, account, event, journey } = input;
  const [firstWord, ...rest] = (contact.name ?? '').trim().split(/\s+/).filter(Boolean);
  return {
    contact: {
      id: contact.id,
      userId: contact.userIds[0] ?? null,
      email: contact.email,
      name: contact.name,
      // Segment's identify spec names them firstName/lastName; a full name is the fallback.
      firstName: textTrait(contact.traits, 'firstName', 'first_name') ?? firstWord ?? null,
      lastName: textTrait(contact.traits, 'lastName', 'last_name') ?? (rest.length > 0 ? rest.join(' ') : null),
      locale: contact.locale,
      timezone: contact.timezone,
      traits: contact.traits,
    },
    account: account
      ? {
          id: account.groupId,
          name: account.name,
          plan: account.plan,
          mrr: account.mrr,
          contractValue: account.contractValue,
          industry: account.industry,
          employees: account.employees,
          complexity: account.complexity,
          renewalDate: account.renewalDate === null ? null : new Date(account.renewalDate).toISOString(),
          ownerEmail: account.ownerEmail,
          traits: account.traits,
        }
      : null,
    event: event ? { name: event.name, timestamp: new Date(event.timestamp).toISOString(), properties: event.properties } : null,
    journey: journey ?? null,
    links: { unsubscribe: input.unsubscribeUrl ?? null },
  };
}

function textTrait(traits: Record<string, unknown>, ...names: string[]): string | null {
  for (const name of names) {
    const value = traits[name];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

/**
 * Why a reference is not a template variable, or null when it is. `segments` is the path
 * as Liquid's static analysis gives it; a nested array is a dynamic key (`contact[key]`),
 * which cannot be checked here and is left to the sample render.
 */
export function unknownVariableReason(segments: readonly unknown[]): string | null {
  const [root, ...rest] = segments;
  if (typeof root !== 'string') return null;
  const roots = Object.keys(TEMPLATE_VARIABLES);
  if (!(root in TEMPLATE_VARIABLES)) {
    return `${root} is not a variable${suggestion(root, roots, '')}; the variables are ${listOf(roots)}`;
  }
  let shape: Shape = TEMPLATE_VARIABLES[root as keyof typeof TEMPLATE_VARIABLES];
  let path = root;
  for (const segment of rest) {
    if (shape === 'open') return null;
    if (typeof segment !== 'string') return null;
    if (shape === 'value') {
      // `size` is Liquid's length of a text; nothing else lies below a single value.
      return segment === 'size' ? null : `${path} is a single value; it has no field ${segment}`;
    }
    const fields: { readonly [field: string]: Shape } = shape;
    const next = Object.hasOwn(fields, segment) ? fields[segment] : undefined;
    if (next === undefined) {
      const names = Object.keys(fields);
      const traits = names.includes('traits') ? `; a trait is ${path}.traits.${segment}` : '';
      return `${path}.${segment} is not a variable${suggestion(segment, names, `${path}.`)}${traits}; ${path} has ${listOf(names)}`;
    }
    shape = next;
    path = `${path}.${segment}`;
  }
  return null;
}

function listOf(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** " (did you mean contact.firstName?)" for a near miss such as frist_name or firstname. */
function suggestion(name: string, candidates: readonly string[], prefix: string): string {
  const normal = (s: string) => s.toLowerCase().replace(/[_-]/g, '');
  const close = candidates.find((c) => distance(normal(name), normal(c)) <= Math.min(2, Math.floor(c.length / 3)));
  return close === undefined ? '' : ` (did you mean ${prefix}${close}?)`;
}

/** Edit distance counting a swap of two neighbours as one edit, the commonest typo. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}
