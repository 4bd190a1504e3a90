import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];
process.once('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A new directory in the system's temporary directory (`touchpoint-NAME-...`), removed when the test process exits. */
export function scratchDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `touchpoint-${name}-`));
  made.push(dir);
  return dir;
}
