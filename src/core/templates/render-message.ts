import { assertNever, validationError } from '../errors.js';
import { liquidProblem, renderPart as renderLiquidPart, type LiquidSettings } from './liquid-engine.js';
import { chooseLocale } from './locale-fallback.js';
import { HTML_PARTS, type EmailTemplate, type InAppTemplate, type MessageTemplate } from './message-template.js';
import type { MessageVariables } from './template-variables.js';

export interface RenderedEmail {
  channel: 'email';
  /** The template locale that was rendered, after the fallback chain. */
  locale: string;
  subject: string;
  html: string;
  text: string;
}

export interface RenderedInApp {
  channel: 'in-app';
  locale: string;
  title: string;
  /** HTML, with every variable escaped. */
  body: string;
}

export type RenderedMessage = RenderedEmail | RenderedInApp;

export interface RenderOptions {
  /** Epoch milliseconds: what `"now"` means in the template. */
  now: number;
  /** Render this template locale instead of the contact's (a preview in another language), when the template has it. */
  locale?: string;
}

/**
 * Renders a checked template for one contact, in the locale the contact reads. Variables are
 * HTML-escaped in the HTML parts (html, in-app body) and left as they are in the subject,
 * text and title; a missing trait renders as nothing. Throws a validation error only if the
 * template could not have passed `parseMessageTemplate`, or exceeds the render limits.
 */
export function renderMessage(template: EmailTemplate, variables: MessageVariables, options: RenderOptions): RenderedEmail;
export function renderMessage(template: InAppTemplate, variables: MessageVariables, options: RenderOptions): RenderedInApp;
export function renderMessage(template: MessageTemplate, variables: MessageVariables, options: RenderOptions): RenderedMessage;
export function renderMessage(template: MessageTemplate, variables: MessageVariables, options: RenderOptions): RenderedMessage {
  const locale = options.locale !== undefined && Object.hasOwn(template.locales, options.locale) ? options.locale : chooseLocale(variables.contact.locale, template);
  const render = (name: string, source: string) => renderPart(template.id, `locales.${locale}.${name}`, source, variables, { escapeHtml: HTML_PARTS.has(name), locale, timeZone: variables.contact.timezone }, options.now);
  switch (template.channel) {
    case 'email': {
      const content = template.locales[locale]!;
      return { channel: 'email', locale, subject: oneLine(render('subject', content.subject)), html: render('html', content.html), text: render('text', content.text) };
    }
    case 'in-app': {
      const content = template.locales[locale]!;
      return { channel: 'in-app', locale, title: oneLine(render('title', content.title)), body: render('body', content.body) };
    }
    default:
      return assertNever(template);
  }
}

function renderPart(templateId: string, path: string, source: string, variables: MessageVariables, settings: LiquidSettings, now: number): string {
  try {
    return renderLiquidPart(source, variables, settings, now);
  } catch (error) {
    const { line, reason } = liquidProblem(error);
    throw validationError(`message template ${templateId} could not be rendered`, [{ path, message: line === null ? reason : `line ${line}: ${reason}` }]);
  }
}

/** A trait with a line break must not break a subject or title over lines. */
function oneLine(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
