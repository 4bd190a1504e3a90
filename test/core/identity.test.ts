import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { resolveAlias, resolveContact, type KnownIdentities } from '../../src/core/identity.js';

function known(users: Record<string, string>, anonymous: Record<string, string>): KnownIdentities {
  const withUser = new Set(Object.values(users));
  return { byUser: (id) => users[id], byAnonymous: (id) => anonymous[id], hasUser: (c) => withUser.has(c) };
}

describe('identity resolution', () => {
  test('an unknown user becomes a new contact with both identities', () => {
    assert.deepEqual(resolveContact('u1', 'a1', known({}, {})), { kind: 'new', link: [{ kind: 'user', value: 'u1' }, { kind: 'anonymous', value: 'a1' }] });
  });

  test('an anonymous visitor who identifies keeps their history and gains the userId', () => {
    assert.deepEqual(resolveContact('u1', 'a1', known({}, { a1: 'c-anon' })), { kind: 'existing', contactId: 'c-anon', link: [{ kind: 'user', value: 'u1' }] });
  });

  test('an anonymous visitor who turns out to be a known user is merged into that user', () => {
    assert.deepEqual(resolveContact('u1', 'a1', known({ u1: 'c-user' }, { a1: 'c-anon' })), { kind: 'merge', from: 'c-anon', into: 'c-user', link: [] });
  });

  test('two known people are never merged implicitly (a shared browser)', () => {
    const k = known({ u1: 'c1', u2: 'c2' }, { a1: 'c2' });
    assert.deepEqual(resolveContact('u1', 'a1', k), { kind: 'existing', contactId: 'c1', link: [] });
    assert.deepEqual(resolveContact('u3', 'a1', k), { kind: 'new', link: [{ kind: 'user', value: 'u3' }] });
  });

  test('alias merges even two known contacts, previousId into userId', () => {
    assert.deepEqual(resolveAlias('u2', 'u1', known({ u1: 'c1', u2: 'c2' }, {})), { kind: 'merge', from: 'c1', into: 'c2', link: [] });
  });

  test('alias of an unknown previousId records it for later messages of either kind', () => {
    const resolution = resolveAlias('u2', 'old', known({ u2: 'c2' }, {}));
    assert.deepEqual(resolution, { kind: 'existing', contactId: 'c2', link: [{ kind: 'user', value: 'old' }, { kind: 'anonymous', value: 'old' }] });
  });
});
