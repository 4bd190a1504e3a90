import { Drop, type Template } from 'liquidjs';
import { createLiquid, liquidProblem, renderOptions } from './liquid-engine.js';
import { unknownVariableReason, type MessageVariables } from './template-variables.js';

/** A problem in one part of a template; `line` is 1-based within the part. */
export interface PartProblem {
  line: number | null;
  reason: string;
}

/** Realistic data every variable has, for checking templates and for previews. */
export const SAMPLE_VARIABLES: MessageVariables = {
  contact: {
    id: 'c_sample',
    userId: 'user-1',
    email: 'ada@example.com',
    name: 'Ada Lovelace',
    firstName: 'Ada',
    lastName: 'Lovelace',
    locale: 'en',
    timezone: 'Europe/London',
    traits: { firstName: 'Ada', lastName: 'Lovelace', title: 'Engineer' },
  },
  account: {
    id: 'acme',
    name: 'Acme',
    plan: 'pro',
    mrr: 499,
    contractValue: 5988,
    industry: 'Software',
    employees: 120,
    complexity: 'medium',
    renewalDate: '2027-01-31T00:00:00.000Z',
    ownerEmail: 'csm@example.com',
    traits: { region: 'EMEA' },
  },
  event: { name: 'Signed Up', timestamp: '2026-01-05T09:30:00.000Z', properties: { plan: 'pro' } },
  journey: { id: 'onboarding', name: 'Onboarding', step: 'welcome' },
  links: { unsubscribe: 'https://example.com/unsubscribe/sample' },
};

/** The moment `"now"` means while a template is checked, so that checking is repeatable. */
const CHECK_NOW = Date.UTC(2026, 0, 5, 12);

/**
 * Any trait or property, at any depth: the sample render must accept every name under an
 * open map, as a real contact may have it. (Liquid's hook for unknown names is a Drop.)
 */
class AnyValue extends Drop {
  static {
    // Liquid calls a function it finds under a name; a trait named `constructor` would find
    // the class itself. Hidden, it is one more unknown name like any other.
    Object.defineProperty(this.prototype, 'constructor', { value: undefined });
  }

  override liquidMethodMissing(): AnyValue {
    return new AnyValue();
  }
  override valueOf(): string {
    return '';
  }
}

const CHECK_CONTEXT = {
  ...SAMPLE_VARIABLES,
  contact: { ...SAMPLE_VARIABLES.contact, traits: new AnyValue() },
  account: { ...SAMPLE_VARIABLES.account!, traits: new AnyValue() },
  event: { ...SAMPLE_VARIABLES.event!, properties: new AnyValue() },
};

/**
 * Problems in one part, in three steps that each stop at their first failure: Liquid's parse
 * (syntax, unknown filters, unknown tags such as `include`); every variable reference, in
 * every branch, against the catalogue; and one render of the whole part against sample data
 * with strict variables, which catches what static analysis cannot see (dynamic lookups,
 * filters that fail on real values).
 */
export function checkTemplatePart(source: string, options: { escapeHtml: boolean; locale: string }): PartProblem[] {
  const liquid = createLiquid({ ...options, timeZone: null });
  let templates: Template[];
  try {
    templates = liquid.parse(source);
  } catch (error) {
    return [liquidProblem(error)];
  }

  const problems: PartProblem[] = [];
  const seen = new Set<string>();
  const { globals } = liquid.analyzeSync(templates, { partials: false });
  for (const variable of Object.values(globals).flat()) {
    const reason = unknownVariableReason(variable.segments);
    const key = `${variable.location.row}:${reason}`;
    if (reason === null || seen.has(key)) continue;
    seen.add(key);
    problems.push({ line: variable.location.row, reason });
  }
  if (problems.length > 0) return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

  try {
    liquid.renderSync(templates, CHECK_CONTEXT, renderOptions(CHECK_NOW, { strictVariables: true }));
  } catch (error) {
    const { line, reason } = liquidProblem(error);
    return [{ line, reason: reason.replace(/^undefined variable: (.+)$/, '$1 is not a variable') }];
  }
  return [];
}
