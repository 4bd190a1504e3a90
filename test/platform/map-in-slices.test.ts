import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mapInSlices } from '../../src/platform/map-in-slices.js';

test('mapping in slices gives what map gives, and lets other work run between the slices', async () => {
  const items = Array.from({ length: 1_001 }, (_, i) => i);
  let ranBetween = false;
  setImmediate(() => (ranBetween = true));
  const mapped = await mapInSlices(items, (n, i) => n * 2 + i, 250);
  assert.deepEqual(mapped, items.map((n, i) => n * 2 + i));
  assert.ok(ranBetween, 'a callback queued before the mapping ran during it');
  assert.deepEqual(await mapInSlices([], (n: number) => n), []);
});
