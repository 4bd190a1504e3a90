import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { journeyEdges } from '../../web/src/journeys/journey-edges.js';
import { layoutJourney } from '../../web/src/journeys/journey-layout.js';

const step = (id: string, body: Record<string, unknown>) => ({ id, step: { id, ...body } });

const STEPS = [
  step('welcome', { email: { template: 'welcome' } }),
  step('opened', { wait: { event: { name: 'Email Opened' }, timeout: { days: 3 }, onTimeout: 'nudge' } }),
  step('check', { branch: { cases: [{ when: {}, next: 'thanks' }, { when: {}, next: 'call' }], otherwise: 'thanks' } }),
  step('nudge', { email: { template: 'nudge' }, next: 'check' }),
  step('call', { task: { type: 'call', title: 'Call' }, next: 'split' }),
  step('thanks', { email: { template: 'thanks' } }),
  step('split', { split: { arms: [{ id: 'a', weight: 1, next: 'thanks' }, { id: 'b', weight: 1, next: 'bye' }] } }),
  step('bye', { exit: {} }),
];

describe('the journey graph', () => {
  test('its ways are read from each step: cases and otherwise, arms, the awaited event and its timeout, next or the step below', () => {
    assert.deepEqual(journeyEdges(STEPS).map((e) => [e.from, e.to, e.label]), [
      ['welcome', 'opened', ''],
      ['opened', 'check', 'Email Opened'],
      ['opened', 'nudge', 'timeout'],
      ['check', 'thanks', 'case 1, otherwise'],
      ['check', 'call', 'case 2'],
      ['nudge', 'check', ''],
      ['call', 'split', ''],
      ['thanks', 'split', ''],
      ['split', 'thanks', 'a'],
      ['split', 'bye', 'b'],
    ]);
  });

  test('the layout places every card without overlap, and draws every way with its label', () => {
    const edges = journeyEdges(STEPS);
    const size = { width: 264, height: 110 };
    const layout = layoutJourney(STEPS.map((s) => s.id), new Map(STEPS.map((s) => [s.id, size])), edges);
    const boxes = [...layout.steps.values()];
    for (const [i, a] of boxes.entries()) {
      assert.ok(a.left >= 0 && a.top >= 0 && a.left + size.width <= layout.width && a.top + size.height <= layout.height);
      for (const b of boxes.slice(i + 1)) {
        const apart = a.left + size.width <= b.left || b.left + size.width <= a.left || a.top + size.height <= b.top || b.top + size.height <= a.top;
        assert.ok(apart, `${JSON.stringify(a)} overlaps ${JSON.stringify(b)}`);
      }
    }
    assert.ok(layout.steps.get('welcome')!.top < layout.steps.get('opened')!.top, 'top to bottom');
    assert.equal(layout.edges.length, edges.length);
    for (const drawn of layout.edges) {
      assert.match(drawn.path, /^M [\d.]+ [\d.]+/);
      assert.equal(drawn.label !== null, drawn.edge.label !== '');
    }
  });
});
