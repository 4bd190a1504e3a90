import type { Clock } from '../context.js';
import type { Store } from '../../store/store.js';
import type { Outbox } from './outbox-sender.js';

/** The outbox kept in the Store: what `touchpoint serve` uses when no SMTP server is configured. */
export function storeOutbox(store: Store, clock: Clock): Outbox {
  return {
    async put(message) {
      await store.outbox.put({
        messageKey: message.messageKey, messageId: message.messageId,
        from: message.from.name ? `${message.from.name} <${message.from.address}>` : message.from.address,
        to: { name: message.to.name || null, address: message.to.address }, subject: message.subject, html: message.html, text: message.text,
        headers: message.headers, createdAt: clock.now(),
      });
    },
  };
}
