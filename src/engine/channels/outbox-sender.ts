import { composeEmail, type ComposedEmail, type EmailMessage, type EmailSender, type EmailSenderOptions, type SentEmail } from './email-message.js';

/**
 * Where e-mail goes when no SMTP server is configured: kept, fully composed, for someone to
 * read (the demo, a developer, a test). Putting the same `messageKey` again replaces the
 * message, so a retried send leaves one message, as SMTP's Message-ID lets a mailbox tell.
 */
export interface Outbox {
  put(message: ComposedEmail): Promise<void>;
}

/** An outbox in memory, for tests and a process that needs nothing kept. */
export interface MemoryOutbox extends Outbox {
  /** The messages in the order they were first put. */
  messages(): ComposedEmail[];
}

export function createMemoryOutbox(): MemoryOutbox {
  const byKey = new Map<string, ComposedEmail>();
  return {
    async put(message) {
      byKey.set(message.messageKey, message);
    },
    messages: () => [...byKey.values()],
  };
}

/** An EmailSender that composes each message exactly as SMTP would, and puts it in the outbox. */
export function createOutboxSender(outbox: Outbox, options: EmailSenderOptions): EmailSender {
  return {
    async send(message: EmailMessage): Promise<SentEmail> {
      const email = composeEmail(message, options);
      await outbox.put(email);
      return { messageId: email.messageId };
    },
    async [Symbol.asyncDispose]() {},
  };
}
