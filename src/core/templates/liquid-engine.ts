import { Liquid } from 'liquidjs';

/**
 * One configuration of Liquid for every message part, used both to check a template when it
 * is saved and to render it when it is sent, so that what passed the check renders the same.
 *
 * Liquid is made pure here: it never reads files (no `include`, `render` or `layout`: a
 * template is one self-contained document), never the clock (`"now" | date` is the `now`
 * handed in) and never the machine's time zone or language (dates are in the contact's time
 * zone or UTC, month names in the message's locale).
 */
export interface LiquidSettings {
  /** HTML-escape every `{{ output }}` (html and in-app body parts); `| raw` opts out. */
  escapeHtml: boolean;
  /** Epoch milliseconds that `"now"` and `"today"` mean. */
  now: number;
  /** The message's locale, for month and day names. */
  locale: string;
  /** An IANA time zone for dates; UTC when null or unknown. */
  timeZone: string | null;
}

/** Liquid's per-render limits: generous for any real message, short of a runaway loop. */
export const RENDER_LIMITS = { templateLimit: 100_000, memoryLimit: 10_000_000 } as const;

const FILE_TAGS = ['include', 'render', 'layout'];
const DATE_FILTERS = ['date', 'date_to_xmlschema', 'date_to_rfc822', 'date_to_string', 'date_to_long_string'];

/** A Liquid instance with Touchpoint's settings. Cheap enough to make per message. */
export function createLiquid(settings: LiquidSettings): Liquid {
  const liquid = new Liquid({
    strictFilters: true,
    // Only own properties: `{{ contact.traits.constructor }}` must not reach into JavaScript.
    ownPropertyOnly: true,
    outputEscape: settings.escapeHtml ? 'escape' : undefined,
    locale: knownLocale(settings.locale) ?? 'en',
    timezoneOffset: knownTimeZone(settings.timeZone) ?? 0,
    templates: {},
    parseLimit: 1_000_000,
    memoryLimit: RENDER_LIMITS.memoryLimit,
  });
  for (const tag of FILE_TAGS) delete liquid.tags[tag];
  const nowInSeconds = settings.now / 1000;
  for (const name of DATE_FILTERS) {
    const builtIn = liquid.filters[name];
    if (!builtIn) continue;
    const { handler, raw } = typeof builtIn === 'function' ? { handler: builtIn, raw: false } : builtIn;
    liquid.registerFilter(name, {
      raw,
      handler(value: unknown, ...args: unknown[]) {
        return handler.call(this, value === 'now' || value === 'today' ? nowInSeconds : value, ...args);
      },
    });
  }
  return liquid;
}

function knownTimeZone(zone: string | null): string | null {
  if (zone === null || zone === '') return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return null; // a contact's time zone is data from outside; a wrong one falls back to UTC
  }
}

function knownLocale(locale: string): string | null {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 ? locale : null;
  } catch {
    return null;
  }
}

/** Liquid's error as a 1-based line in the part and a reason without Liquid's `, line:3, col:1` suffix. */
export function liquidProblem(error: unknown): { line: number | null; reason: string } {
  if (!(error instanceof Error)) return { line: null, reason: String(error) };
  const token = (error as { token?: { getPosition?: () => [number, number] } }).token;
  const position = typeof token?.getPosition === 'function' ? token.getPosition() : null;
  const reason = error.message.replace(/, (?:file:[^,]*, )?line:\d+, col:\d+$/, '');
  return { line: position?.[0] ?? null, reason };
}
