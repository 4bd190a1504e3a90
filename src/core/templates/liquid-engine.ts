import { Liquid, type Template } from 'liquidjs';

/**
 * One configuration of Liquid for every message part, used both to check a template when it
 * is saved and to render it when it is sent, so that what passed the check renders the same.
 *
 * Liquid is made pure here: it never reads files (no `include`, `render` or `layout`: a
 * template is one self-contained document), never the clock (`"now" | date` is the `now`
 * handed to each render, `renderOptions(now)`) and never the machine's time zone or language
 * (dates are in the contact's time zone or UTC, month names in the message's locale).
 */
export interface LiquidSettings {
  /** HTML-escape every `{{ output }}` (html and in-app body parts); `| raw` opts out. */
  escapeHtml: boolean;
  /** The message's locale, for month and day names. */
  locale: string;
  /** An IANA time zone for dates; UTC when null or unknown. */
  timeZone: string | null;
}

/** Liquid's per-render limits: generous for any real message, short of a runaway loop. */
export const RENDER_LIMITS = { templateLimit: 100_000, memoryLimit: 10_000_000 } as const;

const FILE_TAGS = ['include', 'render', 'layout'];
const DATE_FILTERS = ['date', 'date_to_xmlschema', 'date_to_rfc822', 'date_to_string', 'date_to_long_string'];

/**
 * Where a render finds what `"now"` means, in seconds: a render global no template can name
 * (a variable name cannot hold a colon).
 */
const NOW_GLOBAL = 'touchpoint:now';

/** The options of one render at `now` (epoch milliseconds), within the render limits. */
export function renderOptions(now: number, options: { strictVariables: boolean }): { globals: Record<string, unknown>; strictVariables: boolean } & typeof RENDER_LIMITS {
  return { globals: { [NOW_GLOBAL]: now / 1000 }, strictVariables: options.strictVariables, ...RENDER_LIMITS };
}

/** A Liquid instance with Touchpoint's settings; render with `renderOptions(now)`. */
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
  for (const name of DATE_FILTERS) {
    const builtIn = liquid.filters[name];
    if (!builtIn) continue;
    const { handler, raw } = typeof builtIn === 'function' ? { handler: builtIn, raw: false } : builtIn;
    liquid.registerFilter(name, {
      raw,
      handler(value: unknown, ...args: unknown[]) {
        if (value !== 'now' && value !== 'today') return handler.call(this, value, ...args);
        const now = (this.context.globals as Record<string, unknown>)[NOW_GLOBAL];
        if (typeof now !== 'number') throw new Error('"now" has no time: render with renderOptions(now)');
        return handler.call(this, now, ...args);
      },
    });
  }
  return liquid;
}

/** Engines and parsed parts kept for rendering, made once each: at most this many of each. */
const MAX_ENGINES = 256;
const MAX_PARSED = 2_000;

interface RenderingLiquid {
  liquid: Liquid;
  parsed: Map<string, Template[]>;
}

const renderingEngines = new Map<string, RenderingLiquid>();

/**
 * Renders one part with the engine for `settings`, both the engine and the part's parse kept
 * for the next message (a journey renders the same few parts for thousands of contacts).
 * The oldest are dropped beyond a bound, so any number of time zones and templates is fine.
 */
export function renderPart(source: string, scope: object, settings: LiquidSettings, now: number): string {
  const key = `${settings.escapeHtml ? 1 : 0}\u0000${settings.locale}\u0000${settings.timeZone ?? ''}`;
  let engine = renderingEngines.get(key);
  if (!engine) {
    engine = { liquid: createLiquid(settings), parsed: new Map() };
    keepAtMost(renderingEngines, MAX_ENGINES - 1);
    renderingEngines.set(key, engine);
  }
  let templates = engine.parsed.get(source);
  if (!templates) {
    templates = engine.liquid.parse(source);
    keepAtMost(engine.parsed, MAX_PARSED - 1);
    engine.parsed.set(source, templates);
  }
  return String(engine.liquid.renderSync(templates, scope, renderOptions(now, { strictVariables: false })));
}

function keepAtMost(map: Map<string, unknown>, size: number): void {
  while (map.size > size) map.delete(map.keys().next().value!);
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
