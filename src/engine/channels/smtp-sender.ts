import nodemailer, { type Transporter } from 'nodemailer';
import { validationError } from '../../core/errors.js';
import { composeEmail, type EmailMessage, type EmailSender, type EmailSenderOptions, type SentEmail } from './email-message.js';

/**
 * Why an SMTP send failed, in the two cases the caller treats differently: `email_rejected`
 * — the server refused this message or recipient for good (a 5xx reply), so retrying the same
 * message cannot help; `email_unavailable` — the server could not be reached, refused the
 * login, or answered "try later" (4xx), so the same message may be sent again later.
 */
export class EmailDeliveryError extends Error {
  constructor(
    readonly code: 'email_rejected' | 'email_unavailable',
    message: string,
    /** The SMTP reply code, when the server answered. */
    readonly responseCode: number | null,
    options?: { cause: unknown },
  ) {
    super(message, options);
    this.name = 'EmailDeliveryError';
  }
}

/**
 * An SMTP connection (or pool of them, with `?pool=true`) to one server, from a URL such as
 * `smtp://user:pass@mail.example.com:587` (STARTTLS when offered) or
 * `smtps://user:pass@mail.example.com:465` (TLS from the start). A resource: close it, or
 * open it with `await using`.
 */
export class SmtpEmailSender implements EmailSender {
  readonly #transport: Transporter;
  readonly #options: EmailSenderOptions;

  private constructor(transport: Transporter, options: EmailSenderOptions) {
    this.#transport = transport;
    this.#options = options;
  }

  /**
   * Checks the URL (never echoing its password) and prepares the transport; connects on the
   * first send. A pooled URL (`?pool=true`) without `maxConnections` opens up to
   * `pool.connections` connections (nodemailer's own default is 5).
   */
  static open(url: string, options: EmailSenderOptions, pool: { connections?: number } = {}): SmtpEmailSender {
    const parsed = URL.canParse(url) ? new URL(url) : null;
    if (parsed === null || (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') || parsed.hostname === '') {
      throw validationError('the SMTP URL must look like smtp://user:password@host:587 or smtps://user:password@host:465', [
        { path: 'TOUCHPOINT_SMTP_URL', message: 'must be an smtp:// or smtps:// URL with a host' },
      ]);
    }
    if (parsed.searchParams.get('pool') !== 'true' || parsed.searchParams.has('maxConnections') || pool.connections === undefined) {
      return new SmtpEmailSender(nodemailer.createTransport(url), options);
    }
    parsed.searchParams.set('maxConnections', String(pool.connections));
    return new SmtpEmailSender(nodemailer.createTransport(parsed.href), options);
  }

  /** Sends one message and resolves once the server has accepted it; the result names its Message-ID. */
  async send(message: EmailMessage): Promise<SentEmail> {
    const email = composeEmail(message, this.#options);
    try {
      const info = (await this.#transport.sendMail({
        messageId: email.messageId,
        from: email.from,
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        headers: email.headers,
      })) as { messageId: string };
      return { messageId: info.messageId };
    } catch (error) {
      throw deliveryError(error);
    }
  }

  close(): void {
    this.#transport.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.close();
  }
}

function deliveryError(error: unknown): EmailDeliveryError {
  const smtp = error as { responseCode?: unknown; code?: unknown; message?: unknown };
  const responseCode = typeof smtp.responseCode === 'number' ? smtp.responseCode : null;
  const reason = typeof smtp.message === 'string' ? smtp.message : String(error);
  // A refused login is a 5xx too, but it is about our configuration, not this message.
  const rejected = responseCode !== null && responseCode >= 500 && smtp.code !== 'EAUTH';
  return new EmailDeliveryError(rejected ? 'email_rejected' : 'email_unavailable', `the e-mail was not sent: ${reason}`, responseCode, { cause: error });
}
