import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chooseLocale, localeChain } from '../../../src/core/templates/locale-fallback.js';

/** A template offering content in these locales; only the keys matter here. */
const offering = (locales: string[], defaultLocale?: string) => ({ locales: Object.fromEntries(locales.map((l) => [l, {}])), defaultLocale });

describe('locale fallback', () => {
  test('a Norwegian contact (nb-NO) reads the nb content, then the default, then English', () => {
    assert.deepEqual(localeChain('nb-NO', offering(['en', 'nb', 'cs'], 'cs')), ['nb', 'cs', 'en']);
  });

  test('a region-specific locale is preferred when the template has it, case and underscores notwithstanding', () => {
    const template = offering(['en', 'en-GB']);
    assert.equal(chooseLocale('en-GB', template), 'en-GB');
    assert.equal(chooseLocale('en_gb', template), 'en-GB');
    assert.equal(chooseLocale('en-US', template), 'en');
  });

  test('a Czech, a Slovenian and a Romanian contact each get their own language when it exists', () => {
    const template = offering(['en', 'cs', 'sl', 'ro']);
    assert.equal(chooseLocale('cs-CZ', template), 'cs');
    assert.equal(chooseLocale('sl', template), 'sl');
    assert.equal(chooseLocale('ro_RO.UTF-8', template), 'ro');
  });

  test('a language the template lacks falls back to the default locale, not to English', () => {
    assert.equal(chooseLocale('sl-SI', offering(['en', 'nb'], 'nb')), 'nb');
  });

  test('without a default locale English is next, and without English the first locale', () => {
    assert.equal(chooseLocale('ro', offering(['cs', 'en'])), 'en');
    assert.equal(chooseLocale('ro', offering(['cs', 'sl'])), 'cs');
  });

  test('a contact without a locale gets the default locale', () => {
    assert.equal(chooseLocale(null, offering(['en', 'nb'], 'nb')), 'nb');
    assert.equal(chooseLocale('', offering(['en', 'nb'])), 'en');
  });

  test('Norwegian written as no and as nb are the same language, both ways', () => {
    assert.equal(chooseLocale('no-NO', offering(['en', 'nb'])), 'nb');
    assert.equal(chooseLocale('nb', offering(['en', 'no'])), 'no');
    assert.equal(chooseLocale('nn-NO', offering(['en', 'nb'])), 'en');
  });

  test('each locale appears once in the chain, in the order it is reached', () => {
    assert.deepEqual(localeChain('en-GB', offering(['nb', 'en-GB', 'en'], 'en')), ['en-GB', 'en', 'nb']);
  });
});
