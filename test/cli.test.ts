import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, test } from 'node:test';
import { scratchDir } from './support/scratch-dir.js';

const run = promisify(execFile);
const touchpoint = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env: { ...process.env, DATABASE_URL: '' } });

describe('the touchpoint command', () => {
  test('keys --json prints the same write key and API token every time, creating them once', async () => {
    const data = scratchDir('cli');
    const first = JSON.parse((await touchpoint('--data', data, 'keys', '--json')).stdout);
    const second = JSON.parse((await touchpoint('keys', '--json', '--data', data)).stdout);
    assert.deepEqual(Object.keys(first), ['writeKey', 'apiToken']);
    assert.match(first.writeKey, /^wk_/);
    assert.match(first.apiToken, /^tp_/);
    assert.deepEqual(second, first);
  });

  test('users add creates a team member; a short password is refused naming the field', async () => {
    const data = scratchDir('cli');
    const { stdout } = await touchpoint('--data', data, 'users', 'add', '--admin', 'Admin@Example.com', '--password', 'long enough');
    assert.match(stdout, /admin@example.com can log in \(admin\)/);
    await assert.rejects(touchpoint('--data', data, 'users', 'add', 'x@example.com', '--password', 'short'), (error: { stderr: string }) => {
      assert.match(error.stderr, /password: must be at least 8 characters/);
      return true;
    });
  });

  test('a worker refuses a TOUCHPOINT_SENDS_IN_FLIGHT that is not a whole number from 1 to 256, naming it', async () => {
    const data = scratchDir('cli');
    const worker = run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--data', data, 'worker'], { env: { ...process.env, DATABASE_URL: '', TOUCHPOINT_SENDS_IN_FLIGHT: 'lots' } });
    await assert.rejects(worker, (error: { stderr: string; code: number }) => {
      assert.equal(error.code, 1);
      assert.match(error.stderr, /TOUCHPOINT_SENDS_IN_FLIGHT: must be a whole number from 1 to 256/);
      return true;
    });
  });

  test('migrate reports an up-to-date schema', async () => {
    const data = scratchDir('cli');
    assert.match((await touchpoint('--data', data, 'migrate')).stdout, /up to date/);
  });
});
