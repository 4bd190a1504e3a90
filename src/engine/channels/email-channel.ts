import { validationError } from '../../core/errors.js';
import { parseEmailAddress, type EmailSender } from './email-message.js';
import { createOutboxSender, type Outbox } from './outbox-sender.js';
import { SmtpEmailSender } from './smtp-sender.js';

/**
 * Effects a journey worker performs at once unless told otherwise. Sends wait on the network,
 * so more in flight keep a worker busy; a SIGKILL can resend up to this many messages (those
 * the SMTP server accepted whose log entry had not committed yet).
 */
export const DEFAULT_SENDS_IN_FLIGHT = 16;

/** Every channel's settings the CLI reads once: e-mail's, and whether webhooks may go to private addresses (TOUCHPOINT_WEBHOOK_ALLOW_PRIVATE). */
export interface ChannelConfig extends EmailConfig {
  allowPrivateWebhooks: boolean;
}

/** The e-mail settings the CLI reads once: TOUCHPOINT_SMTP_URL, TOUCHPOINT_MAIL_FROM and TOUCHPOINT_PUBLIC_URL. */
export interface EmailConfig {
  smtpUrl: string | null;
  from: string | null;
  /** Where people reach this server (unsubscribe links); by default http://localhost and the port. */
  publicUrl: string;
  /**
   * How many effects a journey worker performs side by side (TOUCHPOINT_SENDS_IN_FLIGHT,
   * `DEFAULT_SENDS_IN_FLIGHT` when absent); a pooled SMTP URL (`?pool=true`) that does not
   * say `maxConnections` opens as many connections, one per send in flight.
   */
  sendsInFlight?: number;
}

/**
 * The sender for this configuration: SMTP when a URL is set, otherwise the outbox, so that
 * everything works offline. A malformed setting is refused here, at start, not at the first send.
 */
export function openEmailSender(config: Omit<EmailConfig, 'publicUrl'> & { publicUrl?: string }, outbox: Outbox): EmailSender {
  if (config.from !== null && parseEmailAddress(config.from) === null) {
    throw validationError('TOUCHPOINT_MAIL_FROM must be one address, e.g. Touchpoint <hello@example.com>', [{ path: 'TOUCHPOINT_MAIL_FROM', message: 'must be one e-mail address' }]);
  }
  if (config.publicUrl !== undefined && !linkableUrl(config.publicUrl)) {
    throw validationError('TOUCHPOINT_PUBLIC_URL must be the https address people reach this server at, e.g. https://touchpoint.example.com (http only for localhost)', [
      { path: 'TOUCHPOINT_PUBLIC_URL', message: 'must be an https URL, or http on localhost' },
    ]);
  }
  const options = { from: config.from };
  return config.smtpUrl ? SmtpEmailSender.open(config.smtpUrl, options, { connections: config.sendsInFlight ?? DEFAULT_SENDS_IN_FLIGHT }) : createOutboxSender(outbox, { from: config.from ?? OUTBOX_FROM });
}

/** The sender of messages kept in the outbox when TOUCHPOINT_MAIL_FROM is not set: they go nowhere, so any address does. */
export const OUTBOX_FROM = 'Touchpoint <touchpoint@touchpoint.local>';

/** Mailbox providers follow only https unsubscribe links; plain http is for a server on this machine, as in development. */
function linkableUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
}
