import { createHash } from 'node:crypto';
import addressparser from 'nodemailer/lib/addressparser';
import { validationError, type FieldIssue } from '../../core/errors.js';

/** An address as a string (`Åse Ødegård <ase@example.no>`) or its parts. */
export type EmailAddress = string | { name: string; address: string };

/** One e-mail to one contact, as a journey step sends it. */
export interface EmailMessage {
  to: EmailAddress;
  /** The sender; when absent, the sender's configured `from` (TOUCHPOINT_MAIL_FROM). */
  from?: EmailAddress;
  subject: string;
  html: string;
  text: string;
  /** Extra headers. The ones this channel sets (Message-ID, List-Unsubscribe, ...) cannot be replaced. */
  headers?: Record<string, string>;
  /**
   * The stable key of the effect that sends it, unique across workspaces (e.g.
   * `workspaceId:runId:stepId`). The same key always gives the same Message-ID, so a retried
   * send is recognisable as the same message by us and by the receiving side.
   */
  messageKey: string;
  /**
   * Where the contact unsubscribes: an https address that takes a one-click POST (RFC 8058),
   * and optionally a mailbox. Null only for mail a contact cannot opt out of (e.g. a receipt).
   */
  unsubscribe: { url: string; mailto?: string } | null;
}

export interface SentEmail {
  /** The Message-ID header, angle brackets included, e.g. `<3f2a...@example.com>`. */
  messageId: string;
}

/** Sends e-mail: over SMTP, or into the outbox when no SMTP server is configured. */
export interface EmailSender extends AsyncDisposable {
  send(message: EmailMessage): Promise<SentEmail>;
}

export interface EmailSenderOptions {
  /** The default sender, e.g. `Touchpoint <hello@example.com>`; a message may name its own. */
  from: string | null;
  /** The right-hand side of Message-IDs; by default the sender address's domain. */
  messageIdDomain?: string;
}

/** A message ready for a transport: addresses checked, every header final. */
export interface ComposedEmail {
  messageKey: string;
  messageId: string;
  from: { name: string; address: string };
  to: { name: string; address: string };
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

/** Headers the channel owns; a message's own `headers` may not set them. */
const RESERVED_HEADERS = ['message-id', 'from', 'to', 'cc', 'bcc', 'subject', 'list-unsubscribe', 'list-unsubscribe-post', 'content-type', 'mime-version'];

/** Checks a message and gives it its Message-ID and unsubscribe headers; throws a validation error naming every problem. */
export function composeEmail(message: EmailMessage, options: EmailSenderOptions): ComposedEmail {
  const issues: FieldIssue[] = [];
  const to = readAddress(message.to, 'to', issues);
  const fromValue = message.from ?? options.from;
  if (fromValue === null) issues.push({ path: 'from', message: 'is required: give one, or configure TOUCHPOINT_MAIL_FROM' });
  const from = fromValue === null ? null : readAddress(fromValue, 'from', issues);
  if (message.messageKey.trim() === '') issues.push({ path: 'messageKey', message: 'must not be empty' });
  if (/[\r\n]/.test(message.subject)) issues.push({ path: 'subject', message: 'must be one line' });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (!/^[!-9;-~]+$/.test(name)) issues.push({ path: `headers.${name}`, message: 'is not a header name' });
    else if (RESERVED_HEADERS.includes(name.toLowerCase())) issues.push({ path: `headers.${name}`, message: 'is set by the e-mail channel' });
    else if (/[\r\n]/.test(value)) issues.push({ path: `headers.${name}`, message: 'must be one line' });
    else headers[name] = value;
  }
  if (message.unsubscribe !== null) Object.assign(headers, unsubscribeHeaders(message.unsubscribe, issues));
  if (issues.length > 0 || to === null || from === null) throw validationError('the e-mail cannot be sent', issues);

  const domain = options.messageIdDomain ?? from.address.slice(from.address.lastIndexOf('@') + 1);
  return { messageKey: message.messageKey, messageId: messageIdFor(message.messageKey, domain), from, to, subject: message.subject, html: message.html, text: message.text, headers };
}

/**
 * `<hash@domain>`: the key is hashed so that any key makes a valid Message-ID and no internal
 * id is shown to recipients; 128 bits keep distinct keys distinct.
 */
export function messageIdFor(messageKey: string, domain: string): string {
  return `<${createHash('sha256').update(messageKey).digest('hex').slice(0, 32)}@${domain}>`;
}

/** RFC 2369 List-Unsubscribe with both ways, and RFC 8058's one-click marker that Gmail and Yahoo require of bulk senders. */
function unsubscribeHeaders(unsubscribe: { url: string; mailto?: string }, issues: FieldIssue[]): Record<string, string> {
  const url = URL.canParse(unsubscribe.url) ? new URL(unsubscribe.url) : null;
  // One-click unsubscribing is a POST from the mailbox provider, which only follows https;
  // plain http is accepted for a server on this machine, as in development.
  const loopback = url !== null && url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url === null || (url.protocol !== 'https:' && !loopback)) {
    issues.push({ path: 'unsubscribe.url', message: 'must be an https address' });
    return {};
  }
  const targets = [`<${url.href}>`];
  if (unsubscribe.mailto !== undefined) {
    const [mailbox] = addressparser(unsubscribe.mailto.replace(/^mailto:/i, ''), { flatten: true });
    if (mailbox === undefined || !isAddress(mailbox.address)) issues.push({ path: 'unsubscribe.mailto', message: 'must be an e-mail address' });
    else targets.push(`<mailto:${mailbox.address}>`);
  }
  return { 'List-Unsubscribe': targets.join(', '), 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

/** One address with its display name, or null if `value` is not exactly one address. */
export function parseEmailAddress(value: EmailAddress): { name: string; address: string } | null {
  const parsed = typeof value === 'string' ? addressparser(value, { flatten: true }) : [value];
  const [first] = parsed;
  return parsed.length === 1 && first !== undefined && isAddress(first.address) ? { name: first.name, address: first.address } : null;
}

function readAddress(value: EmailAddress, path: string, issues: FieldIssue[]): { name: string; address: string } | null {
  const address = parseEmailAddress(value);
  if (address === null) issues.push({ path, message: 'must be one e-mail address, e.g. Ada Lovelace <ada@example.com>' });
  return address;
}

function isAddress(address: string): boolean {
  return /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/.test(address);
}
