import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BatchReads } from '../../../src/engine/journeys/effect-performers.js';

describe('reads a batch of effects shares', () => {
  test('each key is read once for the batch, however many effects ask at once', async () => {
    const reads = new BatchReads();
    let made = 0;
    const read = async () => ++made;
    assert.deepEqual(await Promise.all([reads.once('a', read), reads.once('a', read), reads.once('b', read)]), [1, 1, 2]);
    assert.equal(await reads.once('a', read), 1);
    assert.equal(await new BatchReads().once('a', read), 3, 'the next batch reads anew');
  });

  test('a read that failed is made again by the next effect that asks', async () => {
    const reads = new BatchReads();
    await assert.rejects(reads.once('a', async () => { throw new Error('database unavailable'); }), /database unavailable/);
    assert.equal(await reads.once('a', async () => 'read'), 'read');
  });
});
