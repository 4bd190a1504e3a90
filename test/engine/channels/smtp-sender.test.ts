import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TouchpointError } from '../../../src/core/errors.js';
import { parseMessageTemplate, type EmailTemplate } from '../../../src/core/templates/message-template.js';
import { renderMessage } from '../../../src/core/templates/render-message.js';
import { messageVariables } from '../../../src/core/templates/template-variables.js';
import type { EmailMessage } from '../../../src/engine/channels/email-message.js';
import { EmailDeliveryError, SmtpEmailSender } from '../../../src/engine/channels/smtp-sender.js';
import { startSmtpSink } from './smtp-sink.js';

// A password with characters that must be percent-encoded in a URL.
const user = 'touchpoint@example.no';
const password = 'p@ss:w/rd';
const smtpUrl = (port: number) => `smtp://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
const from = 'Fjord & Fjell <hei@fjordfjell.example>';

function welcomeTemplate(): EmailTemplate {
  const result = parseMessageTemplate({
    id: 'welcome',
    name: 'Welcome',
    channel: 'email',
    defaultLocale: 'en',
    locales: {
      en: { subject: 'Welcome, {{ contact.firstName }}', html: '<p>Hi {{ contact.firstName }}</p>', text: 'Hi {{ contact.firstName }}' },
      nb: {
        subject: "Velkommen til {{ account.name }}, {{ contact.firstName | default: 'du' }}",
        html: '<p>Hei {{ contact.firstName }}!</p>\n<p>Vi gleder oss til å jobbe med {{ account.name }}.</p>\n<p><a href="{{ links.unsubscribe }}">Meld deg av</a></p>',
        text: 'Hei {{ contact.firstName }}!\n\nVi gleder oss til å jobbe med {{ account.name }}.\n\nMeld deg av: {{ links.unsubscribe }}',
      },
    },
  });
  if (!result.ok || result.template.channel !== 'email') throw new Error(JSON.stringify(result));
  return result.template;
}

const unsubscribe = { url: 'https://fjordfjell.example/unsubscribe/c1?t=abc&l=nb', mailto: 'unsubscribe+c1@fjordfjell.example' };

function norwegianWelcome(messageKey: string): EmailMessage {
  const variables = messageVariables({
    contact: { id: 'c1', userIds: ['u1'], email: 'ase@example.no', name: 'Åse Ødegård', locale: 'nb-NO', timezone: 'Europe/Oslo', traits: {} },
    account: { groupId: 'fjord', name: 'Fjord & Fjell <AS>', plan: 'pro', mrr: 990, contractValue: null, industry: null, employees: null, complexity: null, renewalDate: null, ownerEmail: null, traits: {} },
    unsubscribeUrl: unsubscribe.url,
  });
  const rendered = renderMessage(welcomeTemplate(), variables, { now: Date.UTC(2026, 2, 14) });
  return {
    to: { name: 'Åse Ødegård', address: 'ase@example.no' },
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    headers: { 'X-Touchpoint-Journey': 'onboarding' },
    messageKey,
    unsubscribe,
  };
}

describe('sending e-mail over SMTP', () => {
  test('a rendered Norwegian welcome arrives with its recipient, subject, both parts and unsubscribe headers', async () => {
    await using sink = await startSmtpSink({ user, password });
    await using sender = SmtpEmailSender.open(smtpUrl(sink.port), { from });

    const sent = await sender.send(norwegianWelcome('ws1:run-1:welcome'));

    assert.equal(sink.received.length, 1);
    const { envelope, mail } = sink.received[0]!;
    assert.deepEqual(envelope, { from: 'hei@fjordfjell.example', to: ['ase@example.no'] });
    assert.deepEqual(mail.to && !Array.isArray(mail.to) ? mail.to.value : null, [{ name: 'Åse Ødegård', address: 'ase@example.no' }]);
    assert.deepEqual(mail.from?.value, [{ name: 'Fjord & Fjell', address: 'hei@fjordfjell.example' }]);
    assert.equal(mail.subject, 'Velkommen til Fjord & Fjell <AS>, Åse');
    assert.equal(
      mail.html,
      '<p>Hei Åse!</p>\n<p>Vi gleder oss til å jobbe med Fjord &amp; Fjell &lt;AS&gt;.</p>\n<p><a href="https://fjordfjell.example/unsubscribe/c1?t=abc&amp;l=nb">Meld deg av</a></p>',
    );
    assert.equal(mail.text, 'Hei Åse!\n\nVi gleder oss til å jobbe med Fjord & Fjell <AS>.\n\nMeld deg av: https://fjordfjell.example/unsubscribe/c1?t=abc&l=nb');
    const header = (name: string) => mail.headerLines.find((h) => h.key === name)?.line.replace(/\r\n\s+/g, ' ');
    assert.equal(header('list-unsubscribe'), 'List-Unsubscribe: <https://fjordfjell.example/unsubscribe/c1?t=abc&l=nb>, <mailto:unsubscribe+c1@fjordfjell.example>');
    assert.equal(header('list-unsubscribe-post'), 'List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    assert.equal(header('x-touchpoint-journey'), 'X-Touchpoint-Journey: onboarding');
    assert.equal(mail.messageId, sent.messageId);
    assert.match(sent.messageId, /^<[0-9a-f]{32}@fjordfjell\.example>$/);
  });

  test('sending the same effect again gives the same Message-ID, and another effect another one', async () => {
    await using sink = await startSmtpSink({ user, password });
    await using sender = SmtpEmailSender.open(smtpUrl(sink.port), { from });

    const first = await sender.send(norwegianWelcome('ws1:run-1:welcome'));
    const retry = await sender.send(norwegianWelcome('ws1:run-1:welcome'));
    const other = await sender.send(norwegianWelcome('ws1:run-2:welcome'));

    assert.deepEqual(sink.received.map((r) => r.mail.messageId), [first.messageId, first.messageId, other.messageId]);
    assert.equal(retry.messageId, first.messageId);
    assert.notEqual(other.messageId, first.messageId);
  });

  test('a pooled URL without maxConnections opens one connection per send in flight, and one with it keeps to it', async () => {
    const sendTen = async (url: string) => {
      await using sender = SmtpEmailSender.open(url, { from }, { connections: 6 });
      await Promise.all(Array.from({ length: 10 }, (_, i) => sender.send(norwegianWelcome(`ws1:run-${i}:welcome`))));
    };
    await using limited = await startSmtpSink({ user, password });
    await sendTen(`${smtpUrl(limited.port)}?pool=true&maxConnections=2`);
    assert.equal(limited.peakConnections(), 2);
    assert.equal(limited.received.length, 10);

    await using pooled = await startSmtpSink({ user, password });
    await sendTen(`${smtpUrl(pooled.port)}?pool=true`);
    assert.ok(pooled.peakConnections() > 2 && pooled.peakConnections() <= 6, `${pooled.peakConnections()} connections at once`);
    assert.equal(pooled.received.length, 10);
  });

  test('a recipient the server refuses for good is a rejected delivery, one it defers is unavailable', async () => {
    await using sink = await startSmtpSink({ user, password, refuseRecipient: (address) => (address.startsWith('gone@') ? 550 : address.startsWith('busy@') ? 451 : null) });
    await using sender = SmtpEmailSender.open(smtpUrl(sink.port), { from });

    const refused = (address: string) => sender.send({ ...norwegianWelcome(`key-${address}`), to: address }).then(() => null, (error: unknown) => error);
    const gone = await refused('gone@example.no');
    const busy = await refused('busy@example.no');
    assert.ok(gone instanceof EmailDeliveryError && busy instanceof EmailDeliveryError);
    assert.deepEqual([gone.code, gone.responseCode], ['email_rejected', 550]);
    assert.deepEqual([busy.code, busy.responseCode], ['email_unavailable', 451]);
    assert.equal(sink.received.length, 0);
  });

  test('a wrong password is an unavailable channel, not a rejected message', async () => {
    await using sink = await startSmtpSink({ user, password });
    await using sender = SmtpEmailSender.open(`smtp://${encodeURIComponent(user)}:wrong@127.0.0.1:${sink.port}`, { from });
    const error = await sender.send(norwegianWelcome('k')).then(() => null, (e: unknown) => e);
    assert.ok(error instanceof EmailDeliveryError);
    assert.equal(error.code, 'email_unavailable');
  });

  test('a server that does not answer makes the channel unavailable', async () => {
    const closedPort = await (async () => {
      await using sink = await startSmtpSink({ user, password });
      return sink.port;
    })();
    await using sender = SmtpEmailSender.open(smtpUrl(closedPort), { from });
    const error = await sender.send(norwegianWelcome('k')).then(() => null, (e: unknown) => e);
    assert.ok(error instanceof EmailDeliveryError);
    assert.deepEqual([error.code, error.responseCode], ['email_unavailable', null]);
  });

  test('a URL that is not smtp:// or smtps:// is refused without showing its password', () => {
    assert.throws(
      () => SmtpEmailSender.open('https://user:secret@mail.example.com', { from }),
      (error: unknown) => error instanceof TouchpointError && error.code === 'validation' && !error.message.includes('secret') && error.issues[0]?.path === 'TOUCHPOINT_SMTP_URL',
    );
    SmtpEmailSender.open('smtps://user:secret@mail.example.com:465', { from }).close();
  });
});
