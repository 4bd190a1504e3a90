import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, test } from 'node:test';
import { CDNOW_FILE, CDNOW_IMPORT, CDNOW_PUBLISHED, threeDigits } from './support/cdnow.js';
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

  test('clv on the CDNOW sample imported as orders prints the published BG/NBD and Gamma-Gamma parameters and, with --customers, every customer', async () => {
    const data = scratchDir('cli');
    await touchpoint('--data', data, 'import', CDNOW_FILE, '--type', CDNOW_IMPORT.type, '--format', CDNOW_IMPORT.format, '--columns', CDNOW_IMPORT.columns.join(','), '--event', CDNOW_IMPORT.event);
    const fit = JSON.parse((await touchpoint('--data', data, 'clv', '--calibration-end', '1997-09-30', '--horizon-weeks', '39', '--json')).stdout);
    const { r, alpha, a, b } = fit.bgNbd;
    const { p, q, gamma } = fit.gammaGamma;
    assert.deepEqual([r, alpha, a, b, p, q, gamma].map(threeDigits), Object.values(CDNOW_PUBLISHED));
    assert.deepEqual([fit.calibrationEnd, fit.horizonWeeks, fit.customersFitted, fit.repeatCustomers, fit.customers], ['1997-09-30', 39, 2357, 946, undefined]);

    const table = JSON.parse((await touchpoint('--data', data, 'clv', '--calibration-end', '1997-09-30', '--horizon-weeks', '39', '--json', '--customers')).stdout);
    assert.equal(table.customers.length, 2357);
    const first = table.customers.find((row: { id: string }) => row.id === '0001');
    assert.deepEqual(Object.keys(first), ['id', 'contactId', 'frequency', 'recency', 'T', 'probabilityAlive', 'expectedPurchases', 'expectedAverageValue', 'clv']);
    assert.deepEqual([first.frequency, first.recency.toFixed(2), first.T.toFixed(2)], [2, '30.43', '38.86']);
    assert.ok(first.probabilityAlive > 0 && first.probabilityAlive < 1);
    assert.equal(Number(first.clv.toFixed(6)), Number((first.expectedPurchases * first.expectedAverageValue).toFixed(6)), 'undiscounted, at a margin of 1');

    const { stdout } = await touchpoint('--data', data, 'clv', '--calibration-end', '1997-09-30', '--horizon-weeks', '39');
    assert.match(stdout, /2,357 customers, 946 of them bought again/);
    assert.match(stdout, /BG\/NBD +r 0\.2426 +alpha 4\.414 +a 0\.7929 +b 2\.426/);
    await assert.rejects(touchpoint('--data', data, 'clv', '--margin', '1.5'), (error: { stderr: string }) => {
      assert.match(error.stderr, /--margin <share>' argument '1.5' is invalid. must be a number from 0 to 1/);
      return true;
    });
  });
});
