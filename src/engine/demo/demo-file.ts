import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { generateDemo, type DemoOptions } from '../../core/demo/generate-demo.js';

const FLUSH_CHARS = 256 * 1024;

/**
 * Writes the demo as NDJSON, one raw Segment message a line, for `touchpoint import` and
 * benchmarks. Streams: memory stays flat at any scale. Returns the number of messages.
 */
export async function writeDemoFile(path: string, options: DemoOptions, onProgress?: (written: number) => void): Promise<number> {
  const out = createWriteStream(path);
  let buffer = '';
  let count = 0;
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  try {
    for (const message of generateDemo(options)) {
      buffer += JSON.stringify(message) + '\n';
      count++;
      if (buffer.length >= FLUSH_CHARS) {
        await write(buffer);
        buffer = '';
        onProgress?.(count);
      }
    }
    await write(buffer);
  } finally {
    out.end();
    await once(out, 'close');
  }
  return count;
}
