import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * `items.map(map)`, a slice at a time, letting the event loop run between slices: scoring
 * thousands of subjects is a long stretch of JavaScript, and ingestion and the API would wait
 * behind it. The result is the same as `items.map(map)`.
 */
export async function mapInSlices<T, R>(items: readonly T[], map: (item: T, index: number) => R, slice = 250): Promise<R[]> {
  const mapped: R[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % slice === 0) await nextTurn();
    mapped.push(map(items[i]!, i));
  }
  return mapped;
}
