import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TouchpointError } from '../../../src/core/errors.js';
import { openEmailSender } from '../../../src/engine/channels/email-channel.js';
import { messageIdFor, type EmailMessage } from '../../../src/engine/channels/email-message.js';
import { createMemoryOutbox, createOutboxSender } from '../../../src/engine/channels/outbox-sender.js';
import { SmtpEmailSender } from '../../../src/engine/channels/smtp-sender.js';

const message: EmailMessage = {
  to: 'Ada Lovelace <ada@example.com>',
  subject: 'Welcome, Ada',
  html: '<p>Hi Ada</p>',
  text: 'Hi Ada',
  messageKey: 'ws1:run-1:welcome',
  unsubscribe: { url: 'https://example.com/unsubscribe/c1' },
};

/** The validation issues a send is refused with. */
async function refusal(send: Promise<unknown>) {
  const error = await send.then(() => null, (e: unknown) => e);
  assert.ok(error instanceof TouchpointError && error.code === 'validation', `expected a validation error, got ${String(error)}`);
  return error.issues;
}

describe('the outbox', () => {
  test('without an SMTP URL a message is composed as SMTP would send it and kept in the outbox', async () => {
    const outbox = createMemoryOutbox();
    await using sender = openEmailSender({ smtpUrl: null, from: 'Touchpoint <hello@example.com>' }, outbox);
    const sent = await sender.send(message);
    assert.deepEqual(outbox.messages(), [
      {
        messageKey: 'ws1:run-1:welcome',
        messageId: messageIdFor('ws1:run-1:welcome', 'example.com'),
        from: { name: 'Touchpoint', address: 'hello@example.com' },
        to: { name: 'Ada Lovelace', address: 'ada@example.com' },
        subject: 'Welcome, Ada',
        html: '<p>Hi Ada</p>',
        text: 'Hi Ada',
        headers: { 'List-Unsubscribe': '<https://example.com/unsubscribe/c1>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      },
    ]);
    assert.equal(sent.messageId, outbox.messages()[0]!.messageId);
  });

  test('a retried send of the same effect leaves one message', async () => {
    const outbox = createMemoryOutbox();
    const sender = createOutboxSender(outbox, { from: 'hello@example.com' });
    const first = await sender.send(message);
    const again = await sender.send(message);
    await sender.send({ ...message, messageKey: 'ws1:run-2:welcome' });
    assert.equal(again.messageId, first.messageId);
    assert.deepEqual(outbox.messages().map((m) => m.messageKey), ['ws1:run-1:welcome', 'ws1:run-2:welcome']);
  });

  test('with an SMTP URL the sender is SMTP', async () => {
    await using sender = openEmailSender({ smtpUrl: 'smtp://mail.example.com:587', from: null }, createMemoryOutbox());
    assert.ok(sender instanceof SmtpEmailSender);
  });

  test('a malformed sender address is refused when the channel is opened', () => {
    assert.throws(() => openEmailSender({ smtpUrl: null, from: 'hello at example' }, createMemoryOutbox()), (e: unknown) => e instanceof TouchpointError && e.issues[0]?.path === 'TOUCHPOINT_MAIL_FROM');
  });
});

describe('what every e-mail must have', () => {
  const sender = createOutboxSender(createMemoryOutbox(), { from: null });

  test('a message without a sender, with two recipients and an empty key is refused naming each field', async () => {
    assert.deepEqual(await refusal(sender.send({ ...message, to: 'a@example.com, b@example.com', messageKey: ' ' })), [
      { path: 'to', message: 'must be one e-mail address, e.g. Ada Lovelace <ada@example.com>' },
      { path: 'from', message: 'is required: give one, or configure TOUCHPOINT_MAIL_FROM' },
      { path: 'messageKey', message: 'must not be empty' },
    ]);
  });

  test('the unsubscribe address must be https, except on this machine, and the mailbox an address', async () => {
    const withFrom = { ...message, from: 'hello@example.com' };
    assert.deepEqual(await refusal(sender.send({ ...withFrom, unsubscribe: { url: 'http://example.com/u' } })), [{ path: 'unsubscribe.url', message: 'must be an https address' }]);
    assert.deepEqual(await refusal(sender.send({ ...withFrom, unsubscribe: { url: 'https://example.com/u', mailto: 'nobody' } })), [{ path: 'unsubscribe.mailto', message: 'must be an e-mail address' }]);
    const local = await createOutboxSender(createMemoryOutbox(), { from: null }).send({ ...withFrom, unsubscribe: { url: 'http://localhost:3000/u/c1', mailto: 'mailto:u@example.com' } });
    assert.ok(local.messageId);
  });

  test('a message may not replace the headers the channel sets, nor smuggle a second header', async () => {
    const headers = { 'Message-ID': '<x@y>', 'list-unsubscribe': '<https://evil.example>', 'X-Note': 'a\r\nBcc: all@example.com' };
    assert.deepEqual(await refusal(sender.send({ ...message, from: 'hello@example.com', headers })), [
      { path: 'headers.Message-ID', message: 'is set by the e-mail channel' },
      { path: 'headers.list-unsubscribe', message: 'is set by the e-mail channel' },
      { path: 'headers.X-Note', message: 'must be one line' },
    ]);
  });

  test('a message that is not for a list, such as a receipt, may go without unsubscribe headers', async () => {
    const outbox = createMemoryOutbox();
    await createOutboxSender(outbox, { from: 'hello@example.com' }).send({ ...message, unsubscribe: null });
    assert.deepEqual(outbox.messages()[0]!.headers, {});
  });
});
