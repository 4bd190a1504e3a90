import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseMessageTemplate, type TemplateIssue } from '../../../src/core/templates/message-template.js';

const welcome = {
  id: 'welcome',
  name: 'Welcome',
  channel: 'email',
  locales: {
    en: {
      subject: "Welcome to {{ account.name }}, {{ contact.firstName | default: 'there' }}",
      html: '<p>Hi {{ contact.firstName | default: "there" }},</p>\n<p><a href="{{ links.unsubscribe }}">Unsubscribe</a></p>',
      text: 'Hi {{ contact.firstName | default: "there" }},\nUnsubscribe: {{ links.unsubscribe }}',
    },
    nb: {
      subject: "Velkommen til {{ account.name }}, {{ contact.firstName | default: 'du' }}",
      html: '<p>Hei {{ contact.firstName }}!</p>',
      text: 'Hei {{ contact.firstName }}!',
    },
  },
  defaultLocale: 'en',
};

/** The welcome template with one part of one locale replaced. */
function withPart(locale: 'en' | 'nb', part: 'subject' | 'html' | 'text', source: string) {
  return { ...welcome, locales: { ...welcome.locales, [locale]: { ...welcome.locales[locale], [part]: source } } };
}

function issuesOf(input: unknown): TemplateIssue[] {
  const result = parseMessageTemplate(input);
  assert.equal(result.ok, false, 'the template should have been refused');
  return result.ok ? [] : result.issues;
}

describe('message template shape', () => {
  test('a complete e-mail template in two locales is accepted as it is', () => {
    const result = parseMessageTemplate(welcome);
    assert.equal(result.ok, true);
    assert.deepEqual(result.ok && result.template, welcome);
  });

  test('an in-app template has a title and a body instead of a subject and parts', () => {
    const inApp = { id: 'tip', name: 'Tip', channel: 'in-app', locales: { en: { title: 'Hi {{ contact.firstName }}', body: '<p>Try {{ event.properties.feature }}</p>' } } };
    assert.equal(parseMessageTemplate(inApp).ok, true);
    assert.deepEqual(issuesOf({ ...inApp, locales: { en: { subject: 'x', html: 'x', text: 'x' } } }), [
      { path: 'locales.en.title', message: 'is required' },
      { path: 'locales.en.body', message: 'is required' },
      { path: 'locales.en', message: 'has no field subject, html, text; its fields are title, body' },
    ]);
  });

  test('an unknown channel, an empty set of locales and a default locale without content are refused by path', () => {
    assert.deepEqual(issuesOf({ ...welcome, channel: 'sms' }), [{ path: 'channel', message: 'must be one of email, in-app' }]);
    assert.deepEqual(issuesOf({ ...welcome, locales: {} }), [{ path: 'locales', message: 'must have at least one locale' }]);
    assert.deepEqual(issuesOf({ ...welcome, defaultLocale: 'sv' }), [{ path: 'defaultLocale', message: 'is not one of the locales (en, nb)' }]);
  });

  test('a locale that is not a language tag and a subject over two lines are refused', () => {
    assert.deepEqual(issuesOf({ ...welcome, locales: { 'Norsk bokmål': welcome.locales.nb } }), [{ path: 'locales.Norsk bokmål', message: 'is not a locale: use a tag such as en, nb or en-GB' }]);
    assert.deepEqual(issuesOf(withPart('nb', 'subject', 'Velkommen\ntil oss')), [{ path: 'locales.nb.subject', message: 'must be one line' }]);
  });

  test('something that is not an object is refused as a whole', () => {
    assert.deepEqual(issuesOf('welcome'), [{ path: '(template)', message: 'must be a message template: { id, name, channel, locales }' }]);
  });
});

describe('message template checks at save time', () => {
  test('bad syntax on line 3 of the Norwegian HTML is reported with its path and line', () => {
    const html = '<p>Hei {{ contact.firstName }}!</p>\n<p>Din plan:</p>\n{% if account.plan == "pro" %}<p>Pro</p>\n<p>Hilsen oss</p>';
    assert.deepEqual(issuesOf(withPart('nb', 'html', html)), [
      { path: 'locales.nb.html', message: 'line 3: tag {% if account.plan == "pro" %} not closed', partLine: 3 },
    ]);
  });

  test('an output that is never closed is reported at the line it opens', () => {
    assert.deepEqual(issuesOf(withPart('en', 'text', 'Hi\n\n{{ contact.firstName')), [
      { path: 'locales.en.text', message: 'line 3: output "{{ contact.firstName" not closed', partLine: 3 },
    ]);
  });

  test('a misspelt field of the contact is an unknown variable, with the likely field named', () => {
    const [issue, ...others] = issuesOf(withPart('nb', 'text', 'Hei!\n{{ contact.frist_name }}'));
    assert.deepEqual(others, []);
    assert.equal(issue!.path, 'locales.nb.text');
    assert.equal(issue!.partLine, 2);
    assert.match(issue!.message, /^line 2: contact\.frist_name is not a variable \(did you mean contact\.firstName\?\); a trait is contact\.traits\.frist_name;/);
  });

  test('a misspelt top-level name is an unknown variable, even inside a branch that sample data would not take', () => {
    const text = '{% if journey.step == "never" %}\n  {{ contcat.email }}\n{% endif %}';
    assert.deepEqual(issuesOf(withPart('en', 'text', text)), [
      { path: 'locales.en.text', message: 'line 2: contcat is not a variable (did you mean contact?); the variables are contact, account, event, journey and links', partLine: 2 },
    ]);
  });

  test('a trait or event property a contact may lack is not an error, at any depth', () => {
    const text = '{{ contact.traits.favouriteColour | default: "blue" }} {{ account.traits.billing.country }} {{ event.properties.items.first.name }} {{ contact.traits.constructor }}';
    assert.equal(parseMessageTemplate(withPart('en', 'text', text)).ok, true);
  });

  test('variables the template assigns itself and loop variables are not unknown', () => {
    const text = '{% assign greeting = "Hi" %}{{ greeting }}\n{% for item in event.properties.items %}{{ forloop.index }}. {{ item.name }}{% endfor %}';
    assert.equal(parseMessageTemplate(withPart('en', 'text', text)).ok, true);
  });

  test('a field below a single value is unknown, except the length of a text', () => {
    assert.equal(parseMessageTemplate(withPart('en', 'text', '{{ contact.email.size }}')).ok, true);
    assert.deepEqual(issuesOf(withPart('en', 'text', '{{ contact.email.domain }}')), [
      { path: 'locales.en.text', message: 'line 1: contact.email is a single value; it has no field domain', partLine: 1 },
    ]);
  });

  test('an unknown filter is refused with its line', () => {
    assert.deepEqual(issuesOf(withPart('en', 'html', '<p>\n{{ contact.name | shout }}</p>')), [{ path: 'locales.en.html', message: 'line 2: undefined filter: shout', partLine: 2 }]);
  });

  test('a template cannot include other files', () => {
    assert.deepEqual(issuesOf(withPart('en', 'html', '{% include "footer" %}')), [{ path: 'locales.en.html', message: 'line 1: tag "include" not found', partLine: 1 }]);
  });

  test('a dynamic lookup of an unknown name is caught by the sample render', () => {
    assert.deepEqual(issuesOf(withPart('en', 'text', '{% assign field = "nickname" %}\n{{ contact[field] }}')), [
      { path: 'locales.en.text', message: 'line 2: contact.nickname is not a variable', partLine: 2 },
    ]);
  });

  test('problems in several parts and locales are all reported at once', () => {
    const broken = { ...welcome, locales: { en: { ...welcome.locales.en, subject: '{{ user.name }}' }, nb: { ...welcome.locales.nb, html: '{% endif %}' } } };
    assert.deepEqual(issuesOf(broken).map((i) => i.path), ['locales.en.subject', 'locales.nb.html']);
  });
});
