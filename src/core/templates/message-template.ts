import { z } from 'zod';
import type { FieldIssue } from '../errors.js';
import { checkTemplatePart } from './template-checks.js';

/**
 * The one schema of a message template: what a journey sends, per locale. E-mail has a
 * subject, an HTML part and a text part; an in-app message a title and a body. Every part
 * is a Liquid template over the variables of template-variables.ts.
 *
 * `parseMessageTemplate` checks the shape with this schema, then each part with Liquid, so a
 * broken template is refused when it is saved, never discovered when a journey sends it.
 */
export const MESSAGE_CHANNELS = ['email', 'in-app'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** A BCP 47 tag as people write them: `en`, `nb`, `en-GB`, `zh-Hant-TW`. */
export const LOCALE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

const expected = (what: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : what);
const slug = z.string({ error: expected('must be a string') }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be lowercase letters, digits and hyphens' });
const localeTag = z.string({ error: expected('must be a string') }).regex(LOCALE_TAG, { error: 'must be a locale such as en, nb or en-GB' });
const part = z.string({ error: expected('must be a string') }).min(1, { error: 'must not be empty' });
/** Headers and notification titles are one line; a line break would end the header. */
const oneLine = part.regex(/^[^\r\n]*$/, { error: 'must be one line' });

/** An object's own problems: not an object, or fields it does not have (`title` in an e-mail). */
const objectError = (fields: string[]) => (issue: { code?: string; input?: unknown; keys?: string[] }) => {
  if (issue.code === 'unrecognized_keys') return `has no field ${(issue.keys ?? []).join(', ')}; its fields are ${fields.join(', ')}`;
  return issue.input === undefined ? 'is required' : `must be { ${fields.join(', ')} }`;
};
const emailContent = z.strictObject({ subject: oneLine, html: part, text: part }, { error: objectError(['subject', 'html', 'text']) });
const inAppContent = z.strictObject({ title: oneLine, body: part }, { error: objectError(['title', 'body']) });

const locales = <T extends z.ZodType>(content: T) =>
  z
    .record(localeTag, content, {
      error: (issue) => (issue.code === 'invalid_key' ? 'is not a locale: use a tag such as en, nb or en-GB' : expected('must map locales to their content')(issue)),
    })
    .refine((value) => Object.keys(value).length > 0, { error: 'must have at least one locale' });

const common = {
  id: slug,
  name: part,
  description: z.string({ error: 'must be a string' }).optional(),
  /** The locale for contacts whose own has no content; when absent, `en`, else the first. */
  defaultLocale: localeTag.optional(),
};

const TEMPLATE_FIELDS = ['id', 'name', 'description', 'channel', 'locales', 'defaultLocale'];

export const messageTemplateSchema = z.discriminatedUnion(
  'channel',
  [
    z.strictObject({ ...common, channel: z.literal('email'), locales: locales(emailContent) }, { error: objectError(TEMPLATE_FIELDS) }),
    z.strictObject({ ...common, channel: z.literal('in-app'), locales: locales(inAppContent) }, { error: objectError(TEMPLATE_FIELDS) }),
  ],
  {
    error: (issue) =>
      typeof issue.input === 'object' && issue.input !== null && !Array.isArray(issue.input)
        ? `must be one of ${MESSAGE_CHANNELS.join(', ')}`
        : 'must be a message template: { id, name, channel, locales }',
  },
);

export type MessageTemplate = z.infer<typeof messageTemplateSchema>;
export type EmailTemplate = Extract<MessageTemplate, { channel: 'email' }>;
export type InAppTemplate = Extract<MessageTemplate, { channel: 'in-app' }>;
export type EmailContent = z.infer<typeof emailContent>;
export type InAppContent = z.infer<typeof inAppContent>;

/** A problem in a template; Liquid problems also carry the 1-based line within the part. */
export interface TemplateIssue extends FieldIssue {
  partLine?: number;
}

/** Parts whose `{{ output }}` is HTML-escaped: they are HTML. Subject, text and title are not. */
export const HTML_PARTS: ReadonlySet<string> = new Set(['html', 'body']);

/**
 * Checks a message template: its shape, then every part of every locale with Liquid (syntax,
 * known filters, known variables, one render against sample data). Issues name the path
 * (`locales.nb.html`) and, for Liquid problems, start with the line in that part. Never throws.
 */
export function parseMessageTemplate(input: unknown): { ok: true; template: MessageTemplate } | { ok: false; issues: TemplateIssue[] } {
  const parsed = messageTemplateSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(template)', message: i.message })) };
  }
  const template = parsed.data;
  const issues: TemplateIssue[] = [];
  if (template.defaultLocale !== undefined && !Object.hasOwn(template.locales, template.defaultLocale)) {
    issues.push({ path: 'defaultLocale', message: `is not one of the locales (${Object.keys(template.locales).join(', ')})` });
  }
  for (const [locale, content] of Object.entries(template.locales)) {
    for (const [name, source] of Object.entries(content as Record<string, string>)) {
      for (const problem of checkTemplatePart(source, { escapeHtml: HTML_PARTS.has(name), locale })) {
        const path = `locales.${locale}.${name}`;
        issues.push(problem.line === null ? { path, message: problem.reason } : { path, message: `line ${problem.line}: ${problem.reason}`, partLine: problem.line });
      }
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, template };
}
