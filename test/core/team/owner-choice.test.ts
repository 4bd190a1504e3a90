import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chooseOwner, territoryOf, type OwnerCandidate } from '../../../src/core/team/owner-choice.js';

const csm = (id: string, load: number, capacity: number, territories: string[] = [], segments: string[] = []): OwnerCandidate => ({
  member: { id, name: id.toUpperCase(), email: `${id}@example.com`, role: 'csm', capacity, territories, segments, active: true },
  load,
});
const account = (territory: string | null, segments: string[] = [], namedOwner: string | null = null) => ({ territory, segments: new Set(segments), namedOwner });

describe('choosing an owner', () => {
  test('a CSM covering the territory wins over a less loaded one who does not', () => {
    const choice = chooseOwner(account('NO'), [csm('ana', 0, 10), csm('bo', 5, 10, ['NO'])]);
    assert.deepEqual(choice, { memberId: 'bo', reason: 'BO: covers territory NO; least loaded (5 of 10 accounts)' });
  });
  test('among covering CSMs the least loaded wins; a full one is passed over', () => {
    assert.equal(chooseOwner(account('NO'), [csm('ana', 3, 10, ['NO']), csm('bo', 1, 10, ['NO']), csm('cy', 0, 0, ['NO'])]).memberId, 'bo');
    assert.equal(chooseOwner(account('NO'), [csm('ana', 10, 10, ['NO']), csm('bo', 7, 10)]).memberId, 'bo');
  });
  test('a segment a CSM covers counts like a territory', () => {
    assert.match(chooseOwner(account('US', ['strategic']), [csm('ana', 0, 10), csm('bo', 4, 10, [], ['strategic'])]).reason, /covers segment strategic/);
  });
  test('the owner the account names comes first when they have room', () => {
    const choice = chooseOwner(account('NO', [], 'Ana@Example.com'), [csm('ana', 9, 10), csm('bo', 0, 10, ['NO'])]);
    assert.equal(choice.memberId, 'ana');
    assert.match(choice.reason, /named as the owner/);
  });
  test('ties go to the most spare capacity, then the e-mail, so the choice is stable', () => {
    assert.equal(chooseOwner(account(null), [csm('cy', 2, 10), csm('bo', 2, 20), csm('ana', 2, 20)]).memberId, 'ana');
  });
  test('managers, inactive people and full CSMs are never chosen; with no room the account waits', () => {
    const manager = { ...csm('max', 0, 10), member: { ...csm('max', 0, 10).member, role: 'manager' as const } };
    const away = { ...csm('ina', 0, 10), member: { ...csm('ina', 0, 10).member, active: false } };
    assert.deepEqual(chooseOwner(account('NO'), [manager, away, csm('ful', 3, 3)]), { memberId: null, reason: 'no CSM has room (every active CSM is at capacity)' });
  });
  test('the territory is the territory trait, else region, else country', () => {
    assert.equal(territoryOf({ country: 'NO', region: 'Nordics' }), 'Nordics');
    assert.equal(territoryOf({ country: 'NO' }), 'NO');
    assert.equal(territoryOf({}), null);
  });
});
