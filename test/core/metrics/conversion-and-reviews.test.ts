import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conversionRate, countConversions } from '../../../src/core/metrics/conversion.js';
import { countReviews, reviewSummary } from '../../../src/core/metrics/reviews.js';

const MONTHS = [Date.UTC(2026, 0, 1), Date.UTC(2026, 1, 1), Date.UTC(2026, 2, 1)];
const jan = (day: number) => Date.UTC(2026, 0, day);
const feb = (day: number) => Date.UTC(2026, 1, day);

test('conversion rate: of 4 January visitors 1 signed up that month (25%); a sign-up without a visit, or in another month, does not count', () => {
  const events = [
    ...['a', 'b', 'c', 'd'].map((contactId, i) => ({ contactId, type: 'page', name: 'Pricing', at: jan(2 + i) })),
    { contactId: 'a', type: 'page', name: 'Home', at: jan(20) },
    { contactId: 'a', type: 'track', name: 'Signed Up', at: jan(21) },
    { contactId: 'e', type: 'track', name: 'Signed Up', at: jan(21) },
    { contactId: 'b', type: 'track', name: 'Signed Up', at: feb(2) },
  ];
  const counts = countConversions(events, { conversionEvent: 'Signed Up' }, MONTHS);
  assert.deepEqual(counts, [{ visitors: 4, conversions: 1 }, { visitors: 0, conversions: 0 }]);
  assert.equal(conversionRate(counts[0]!), 25);
  assert.equal(conversionRate(counts[1]!), null);
});

test('reviews: count, average rating and share of positive ones (4 stars and up), by source', () => {
  const review = (rating: number | null, properties: Record<string, unknown>, at = jan(10)) => ({ type: 'track', name: 'Review Submitted', rating, properties, at });
  const counts = countReviews([review(5, { site: 'G2' }), review(2, { site: ' G2 ' }), review(4, { source: 'Capterra' }), review(3, {}), review(6, { site: 'G2' }), review(null, { site: 'G2' }), review(5, { site: 'G2' }, feb(1))], MONTHS);
  assert.deepEqual(counts.map((c) => [c.period, c.source, c.reviews, c.positive]), [[0, 'Capterra', 1, 1], [0, 'G2', 2, 1], [0, 'unknown', 1, 0], [1, 'G2', 1, 1]]);
  assert.deepEqual(reviewSummary(counts), { reviews: 5, averageRating: 19 / 5, positiveShare: 3 / 5 });
});
