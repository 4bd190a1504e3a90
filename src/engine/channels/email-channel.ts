import { validationError } from '../../core/errors.js';
import { parseEmailAddress, type EmailSender } from './email-message.js';
import { createOutboxSender, type Outbox } from './outbox-sender.js';
import { SmtpEmailSender } from './smtp-sender.js';

/** The e-mail settings the CLI reads once: TOUCHPOINT_SMTP_URL and TOUCHPOINT_MAIL_FROM. */
export interface EmailConfig {
  smtpUrl: string | null;
  from: string | null;
}

/**
 * The sender for this configuration: SMTP when a URL is set, otherwise the outbox, so that
 * everything works offline. A malformed setting is refused here, at start, not at the first send.
 */
export function openEmailSender(config: EmailConfig, outbox: Outbox): EmailSender {
  if (config.from !== null && parseEmailAddress(config.from) === null) {
    throw validationError('TOUCHPOINT_MAIL_FROM must be one address, e.g. Touchpoint <hello@example.com>', [{ path: 'TOUCHPOINT_MAIL_FROM', message: 'must be one e-mail address' }]);
  }
  const options = { from: config.from };
  return config.smtpUrl ? SmtpEmailSender.open(config.smtpUrl, options) : createOutboxSender(outbox, options);
}
