import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Account, Contact } from '../../../src/core/records.js';
import { parseMessageTemplate, type EmailTemplate, type InAppTemplate } from '../../../src/core/templates/message-template.js';
import { renderMessage } from '../../../src/core/templates/render-message.js';
import { messageVariables } from '../../../src/core/templates/template-variables.js';

const now = Date.UTC(2026, 2, 14, 9, 30);

function emailTemplate(input: unknown): EmailTemplate {
  const result = parseMessageTemplate(input);
  if (!result.ok || result.template.channel !== 'email') throw new Error(JSON.stringify(result));
  return result.template;
}

const welcome = emailTemplate({
  id: 'welcome',
  name: 'Welcome',
  channel: 'email',
  defaultLocale: 'en',
  locales: {
    en: {
      subject: "Welcome to {{ account.name }}, {{ contact.firstName | default: 'there' }}",
      html: '<p>Hi {{ contact.firstName | default: "there" }} from {{ account.name }}</p><a href="{{ links.unsubscribe }}">Unsubscribe</a>',
      text: 'Hi {{ contact.firstName | default: "there" }} from {{ account.name }}\nUnsubscribe: {{ links.unsubscribe }}',
    },
    nb: {
      subject: "Velkommen til {{ account.name }}, {{ contact.firstName | default: 'du' }}",
      html: '<p>Hei {{ contact.firstName | default: "du" }}! Planen din er {{ account.plan }}.</p>',
      text: 'Hei {{ contact.firstName | default: "du" }}! Planen din er {{ account.plan }}.',
    },
  },
});

const contact: Pick<Contact, 'id' | 'userIds' | 'email' | 'name' | 'locale' | 'timezone' | 'traits'> = {
  id: 'c1',
  userIds: ['u1'],
  email: 'ase@example.no',
  name: 'Åse Ødegård',
  locale: 'nb-NO',
  timezone: 'Europe/Oslo',
  traits: {},
};

const account: Pick<Account, 'groupId' | 'name' | 'plan' | 'mrr' | 'contractValue' | 'industry' | 'employees' | 'complexity' | 'renewalDate' | 'ownerEmail' | 'traits'> = {
  groupId: 'fjord',
  name: 'Fjord & Fjell <AS>',
  plan: 'pro',
  mrr: 990,
  contractValue: null,
  industry: null,
  employees: null,
  complexity: null,
  renewalDate: Date.UTC(2026, 11, 31),
  ownerEmail: null,
  traits: {},
};

describe('rendering a message', () => {
  test('a Norwegian contact gets the Norwegian subject, HTML and text', () => {
    const rendered = renderMessage(welcome, messageVariables({ contact, account }), { now });
    assert.deepEqual(rendered, {
      channel: 'email',
      locale: 'nb',
      subject: 'Velkommen til Fjord & Fjell <AS>, Åse',
      html: '<p>Hei Åse! Planen din er pro.</p>',
      text: 'Hei Åse! Planen din er pro.',
    });
  });

  test('variables are HTML-escaped in the HTML part and left as they are in the subject and text', () => {
    const rendered = renderMessage(welcome, messageVariables({ contact: { ...contact, locale: 'en', name: '<script>alert(1)</script>' }, account, unsubscribeUrl: 'https://example.com/u?c=1&t=2' }), { now });
    assert.equal(rendered.html, '<p>Hi &lt;script&gt;alert(1)&lt;/script&gt; from Fjord &amp; Fjell &lt;AS&gt;</p><a href="https://example.com/u?c=1&amp;t=2">Unsubscribe</a>');
    assert.equal(rendered.subject, 'Welcome to Fjord & Fjell <AS>, <script>alert(1)</script>');
    assert.equal(rendered.text, 'Hi <script>alert(1)</script> from Fjord & Fjell <AS>\nUnsubscribe: https://example.com/u?c=1&t=2');
  });

  test('trusted HTML in a trait is written as it is only when the template says raw', () => {
    const template = emailTemplate({ id: 'sig', name: 'Signature', channel: 'email', locales: { en: { subject: 'Hi', html: '{{ account.traits.signature | raw }}|{{ account.traits.signature }}', text: 'Hi' } } });
    const rendered = renderMessage(template, messageVariables({ contact, account: { ...account, traits: { signature: '<b>Kari</b>' } } }), { now });
    assert.equal(rendered.html, '<b>Kari</b>|&lt;b&gt;Kari&lt;/b&gt;');
  });

  test('a missing first name and a missing trait fall back to defaults or nothing', () => {
    const template = emailTemplate({ id: 't', name: 'T', channel: 'email', locales: { en: { subject: "Hi {{ contact.firstName | default: 'there' }}", html: 'x', text: '[{{ contact.traits.nickname }}]' } } });
    const rendered = renderMessage(template, messageVariables({ contact: { ...contact, name: null } }), { now });
    assert.equal(rendered.subject, 'Hi there');
    assert.equal(rendered.text, '[]');
  });

  test('a line break in a trait does not break the subject over two lines', () => {
    const template = emailTemplate({ id: 't', name: 'T', channel: 'email', locales: { en: { subject: 'About {{ contact.traits.company }}', html: 'x', text: 'x' } } });
    const rendered = renderMessage(template, messageVariables({ contact: { ...contact, traits: { company: 'Acme\r\nBcc: everyone@example.com' } } }), { now });
    assert.equal(rendered.subject, 'About Acme Bcc: everyone@example.com');
  });

  test('"now" is the time given, in the contact\'s time zone, with month names in the message\'s language', () => {
    const template = emailTemplate({ id: 't', name: 'T', channel: 'email', locales: { nb: { subject: '{{ "now" | date: "%-d. %B %Y %H:%M" }}', html: 'x', text: 'Fornyes {{ account.renewalDate | date: "%-d. %B" }}' } } });
    const rendered = renderMessage(template, messageVariables({ contact, account }), { now });
    assert.equal(rendered.subject, '14. mars 2026 10:30');
    assert.equal(rendered.text, 'Fornyes 31. desember');
  });

  test('a part rendered again keeps no time or time zone from the render before (engines and parses are reused)', () => {
    const template = emailTemplate({ id: 't', name: 'T', channel: 'email', locales: { en: { subject: '{{ "now" | date: "%Y-%m-%d %H:%M" }}', html: 'x', text: 'x' } } });
    const at = (when: number, timezone: string | null) => renderMessage(template, messageVariables({ contact: { ...contact, locale: 'en', timezone } }), { now: when }).subject;
    assert.equal(at(now, 'Europe/Oslo'), '2026-03-14 10:30');
    assert.equal(at(now + 86_400_000, 'Europe/Oslo'), '2026-03-15 10:30');
    assert.equal(at(now, 'America/New_York'), '2026-03-14 05:30');
    assert.equal(at(now, null), '2026-03-14 09:30');
    assert.equal(at(now, 'Europe/Oslo'), '2026-03-14 10:30');
  });

  test('an in-app message renders its title as text and its body as escaped HTML', () => {
    const result = parseMessageTemplate({ id: 'tip', name: 'Tip', channel: 'in-app', locales: { en: { title: 'Try {{ event.properties.feature }}', body: '<p>{{ event.properties.feature }}</p>' } } });
    assert.ok(result.ok);
    const rendered = renderMessage(result.template as InAppTemplate, messageVariables({ contact, event: { name: 'Feature Viewed', timestamp: now, properties: { feature: 'Reports & <Charts>' } } }), { now });
    assert.deepEqual(rendered, { channel: 'in-app', locale: 'en', title: 'Try Reports & <Charts>', body: '<p>Reports &amp; &lt;Charts&gt;</p>' });
  });

  test('a preview may ask for another locale than the contact\'s', () => {
    assert.equal(renderMessage(welcome, messageVariables({ contact, account }), { now, locale: 'en' }).locale, 'en');
  });
});

describe('message variables from records', () => {
  test('the first and last name come from traits, else from the full name', () => {
    assert.deepEqual(
      [messageVariables({ contact }).contact.firstName, messageVariables({ contact }).contact.lastName],
      ['Åse', 'Ødegård'],
    );
    const fromTraits = messageVariables({ contact: { ...contact, traits: { firstName: 'Aase', last_name: 'Odegaard' } } }).contact;
    assert.deepEqual([fromTraits.firstName, fromTraits.lastName], ['Aase', 'Odegaard']);
  });

  test('dates are ISO 8601 text, which the date filter reads', () => {
    const variables = messageVariables({ contact, account, event: { name: 'Signed Up', timestamp: now, properties: {} } });
    assert.equal(variables.account?.renewalDate, '2026-12-31T00:00:00.000Z');
    assert.equal(variables.event?.timestamp, '2026-03-14T09:30:00.000Z');
  });
});
