import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classifyInteraction } from '../../src/core/interactions.js';
import { accountFieldsFromTraits } from '../../src/core/profiles.js';
import { mergeTraits } from '../../src/core/traits.js';

describe('interactions', () => {
  test("Segment's semantic events are understood by name", () => {
    assert.deepEqual(classifyInteraction({ type: 'track', event: 'Order Completed', properties: { total: 99.5 } }), {
      channel: 'web', direction: 'inbound', category: 'revenue', rating: null, sentiment: null, revenue: 99.5,
    });
    assert.equal(classifyInteraction({ type: 'track', event: 'Ticket Created', properties: {} })?.channel, 'support_ticket');
    assert.equal(classifyInteraction({ type: 'track', event: 'Email Delivered', properties: {} })?.direction, 'outbound');
  });

  test('a channel, direction, rating and sentiment in properties win over defaults', () => {
    const interaction = classifyInteraction({ type: 'track', event: 'Custom', properties: { channel: 'E-mail', direction: 'outbound', rating: '4', sentiment: 'negative' } });
    assert.equal(interaction?.channel, 'email');
    assert.equal(interaction?.direction, 'outbound');
    assert.equal(interaction?.rating, 4);
    assert.equal(interaction?.sentiment, -1);
  });

  test('pages are web, screens and unknown events are in-app, profile calls are not interactions', () => {
    assert.equal(classifyInteraction({ type: 'page', event: null, properties: {} })?.channel, 'web');
    assert.equal(classifyInteraction({ type: 'screen', event: 'Home', properties: {} })?.channel, 'in_app');
    assert.equal(classifyInteraction({ type: 'track', event: 'Report Exported', properties: {} })?.category, 'usage');
    assert.equal(classifyInteraction({ type: 'identify', event: null, properties: {} }), null);
  });
});

describe('profiles', () => {
  test('account fields are read from traits as customers write them', () => {
    assert.deepEqual(accountFieldsFromTraits({ company: 'Acme', ARR: '84,000', complexity: 'High', renewal_date: '2027-03-01', csm: 'Kari@x.no' }), {
      name: 'Acme', mrr: 7000, contractValue: 84000, complexity: 'high', renewalDate: Date.UTC(2027, 2, 1), ownerEmail: 'kari@x.no',
    });
  });

  test('later traits override, null removes, others stay', () => {
    assert.deepEqual(mergeTraits({ a: 1, b: 2, c: 3 }, { b: 20, c: null, d: 4 }), { a: 1, b: 20, d: 4 });
  });
});
