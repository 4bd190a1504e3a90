import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFramework } from '../../../src/core/frameworks/framework-definition.js';
import { emotionOf, journeyMap } from '../../../src/core/frameworks/journey-map.js';

const DAY = 86_400_000;
const parsed = parseFramework({
  id: 'shop',
  name: 'Shop',
  subject: 'contact',
  stages: [
    { id: 'visit', name: 'Visit', events: ['Page Viewed'] },
    { id: 'try', name: 'Try', events: ['Product Added'] },
    { id: 'buy', name: 'Buy', events: ['Order Completed'] },
  ],
});
assert.ok(parsed.ok);

const subjects = [
  { subjectId: 'a', times: [0, 2 * DAY, 3 * DAY], loopedAt: null },
  { subjectId: 'b', times: [0, 4 * DAY, null], loopedAt: null },
  { subjectId: 'c', times: [DAY, 2 * DAY, null], loopedAt: null },
  { subjectId: 'd', times: [DAY, null, null], loopedAt: null },
];
const interaction = (subjectId: string, day: number, channel: string, category: string, emotion: { sentiment?: number; rating?: number; name?: string } = {}) => ({
  subjectId,
  at: day * DAY,
  channel,
  category,
  name: emotion.name ?? null,
  sentiment: emotion.sentiment ?? null,
  rating: emotion.rating ?? null,
});

test('emotion is the sentiment, else the rating around the middle of its scale', () => {
  assert.equal(emotionOf({ name: null, sentiment: -0.5, rating: 5 }), -0.5);
  assert.equal(emotionOf({ name: 'Review Submitted', sentiment: null, rating: 1 }), -1);
  assert.equal(emotionOf({ name: 'NPS Submitted', sentiment: null, rating: 10 }), 1);
  assert.equal(emotionOf({ name: null, sentiment: null, rating: null }), null);
});

test('interactions go to the stage their subject was in; pain points are negative touchpoints and big drop-offs', () => {
  const map = journeyMap(parsed.framework, subjects, [
    interaction('a', -1, 'web', 'navigation'),
    interaction('a', 1, 'web', 'navigation'),
    interaction('a', 2.5, 'chat', 'communication', { sentiment: -1 }),
    interaction('b', 5, 'chat', 'communication', { sentiment: -0.5 }),
    interaction('c', 3, 'chat', 'communication', { rating: 1, name: 'Survey Responded' }),
    interaction('d', 2, 'support_ticket', 'support', { sentiment: 0.5 }),
    interaction('x', 2, 'web', 'navigation'),
  ]);
  assert.deepEqual(map.touchpoints.map((t) => [t.stage, t.channel, t.volume, t.subjects, t.emotion]), [
    ['visit', 'support_ticket', 1, 1, 0.5],
    ['visit', 'web', 1, 1, null],
    ['try', 'chat', 3, 3, -2.5 / 3],
  ]);
  assert.deepEqual(map.stages.map((s) => [s.stage, s.reached, s.dropOff, s.volume, s.emotion]), [
    ['visit', 4, 0, 2, 0.5],
    ['try', 3, 1, 3, -2.5 / 3],
    ['buy', 1, 2, 0, null],
  ]);
  assert.deepEqual(map.painPoints.map((p) => [p.stage, p.channel, p.reason]), [
    ['try', 'chat', 'negative emotion (-0.83) over 3 rated communication interactions on chat'],
    ['buy', null, '67% of those who reached Try did not reach Buy'],
  ]);
});
