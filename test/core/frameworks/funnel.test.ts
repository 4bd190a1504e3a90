import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFramework } from '../../../src/core/frameworks/framework-definition.js';
import { currentStage, funnel, loopTime, stageTimes } from '../../../src/core/frameworks/funnel.js';
import { SHIPPED_FRAMEWORKS } from '../../../src/core/frameworks/shipped-frameworks.js';

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
  loopTo: 'buy',
});
assert.ok(parsed.ok);
const shop = parsed.framework;
const event = (type: string, name: string | null, day: number) => ({ type, name, at: day * DAY });

test('a stage is reached by its first event at or after the previous stage; out of order does not count', () => {
  const ann = [event('track', 'Order Completed', 1), event('page', 'Home', 2), event('track', 'Product Added', 4), event('track', 'Order Completed', 6), event('track', 'Order Completed', 9)];
  const times = stageTimes(shop, ann);
  assert.deepEqual(times, [2 * DAY, 4 * DAY, 6 * DAY], 'the order on day 1 came before any visit');
  assert.equal(loopTime(shop, ann, times), 9 * DAY, 'bought again on day 9: round the loyalty loop');
  assert.deepEqual(currentStage(shop, times), { stage: 'buy', since: 6 * DAY });
  assert.deepEqual(stageTimes(shop, [event('track', 'Product Added', 1), event('page', null, 2)]), [2 * DAY, null, null]);
});

test('the funnel: 4 entered, 3 tried (75%), 1 bought (33%); median time in stage; drop-off; where each is now', () => {
  const subjects = [
    { subjectId: 'a', times: [0, 2 * DAY, 3 * DAY], loopedAt: 10 * DAY },
    { subjectId: 'b', times: [0, 4 * DAY, null], loopedAt: null },
    { subjectId: 'c', times: [DAY, 2 * DAY, null], loopedAt: null },
    { subjectId: 'd', times: [DAY, null, null], loopedAt: null },
  ];
  const result = funnel(shop, subjects);
  assert.equal(result.entered, 4);
  assert.deepEqual(result.stages.map((s) => [s.stage, s.reached, s.conversion, s.dropOff, s.current, s.medianTimeInStageMs]), [
    ['visit', 4, 1, 0, 1, 2 * DAY],
    ['try', 3, 0.75, 1, 2, DAY],
    ['buy', 1, 1 / 3, 2, 1, null],
  ]);
  assert.deepEqual(result.loop, { to: 'buy', looped: 1, share: 1 });
});

test('the shipped frameworks are valid definitions; a stage id repeated or a loop to nowhere is refused', () => {
  for (const framework of SHIPPED_FRAMEWORKS) assert.ok(parseFramework(framework).ok, framework.id);
  assert.deepEqual(SHIPPED_FRAMEWORKS.map((f) => f.id), ['aarrr', 'laer', 'mckinsey-cdj', 'aidae']);
  const bad = parseFramework({ id: 'x', name: 'X', subject: 'contact', stages: [{ id: 'a', name: 'A', events: ['E'] }, { id: 'a', name: 'B', events: [] }], loopTo: 'z' });
  assert.ok(!bad.ok);
  assert.deepEqual(bad.issues.map((i) => i.path).sort(), ['loopTo', 'stages.1.events', 'stages.1.id'].sort());
});
