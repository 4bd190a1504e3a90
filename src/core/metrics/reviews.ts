import { periodIndex } from './periods.js';

/**
 * Reviews (see docs/metrics.md): `Review Submitted` and `Product Reviewed` events with a
 * rating from 1 to 5 stars, by source (the `site` or `source` property). A review is positive
 * at 4 stars or more.
 */
export const REVIEW_EVENTS = ['Review Submitted', 'Product Reviewed'] as const;
export const REVIEW_SCALE = { min: 1, max: 5 } as const;
export const POSITIVE_REVIEW = 4;
/** The source of a review that names none. */
export const UNKNOWN_SOURCE = 'unknown';

export interface ReviewCount {
  period: number;
  source: string;
  reviews: number;
  positive: number;
  ratingSum: number;
}

/** The source a review names: `site`, else `source`, trimmed; `unknown` without a text one. */
export function reviewSource(properties: Record<string, unknown>): string {
  for (const key of ['site', 'source']) {
    const value = properties[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return UNKNOWN_SOURCE;
}

export interface ReviewEvent {
  type: string;
  name: string | null;
  rating: number | null;
  properties: Record<string, unknown>;
  at: number;
}

/** The reference the store's SQL is checked against: counts per period and source, sorted by both. */
export function countReviews(events: Iterable<ReviewEvent>, boundaries: readonly number[]): ReviewCount[] {
  const counts = new Map<string, ReviewCount>();
  for (const event of events) {
    const period = periodIndex(event.at, boundaries);
    if (period < 0 || event.type !== 'track' || !(REVIEW_EVENTS as readonly (string | null)[]).includes(event.name)) continue;
    if (event.rating === null || event.rating < REVIEW_SCALE.min || event.rating > REVIEW_SCALE.max) continue;
    const source = reviewSource(event.properties);
    const key = `${period}\n${source}`;
    const count = counts.get(key) ?? { period, source, reviews: 0, positive: 0, ratingSum: 0 };
    count.reviews++;
    count.positive += event.rating >= POSITIVE_REVIEW ? 1 : 0;
    count.ratingSum += event.rating;
    counts.set(key, count);
  }
  return sortReviewCounts([...counts.values()]);
}

export function sortReviewCounts(counts: ReviewCount[]): ReviewCount[] {
  return counts.sort((a, b) => a.period - b.period || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}

/** Reviews summed over periods and sources, with their average rating and share positive. */
export function reviewSummary(counts: readonly ReviewCount[]) {
  const reviews = counts.reduce((n, c) => n + c.reviews, 0);
  const positive = counts.reduce((n, c) => n + c.positive, 0);
  const ratingSum = counts.reduce((n, c) => n + c.ratingSum, 0);
  return { reviews, averageRating: reviews === 0 ? null : ratingSum / reviews, positiveShare: reviews === 0 ? null : positive / reviews };
}
