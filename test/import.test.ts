import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { messageFromRow, rowFromCsvRecord, type ImportFormat, type ImportType } from '../src/core/import-rows.js';
import type { EngineContext } from '../src/engine/context.js';
import { formatOfPath, importFile } from '../src/engine/import/import-file.js';
import type { Store } from '../src/store/store.js';
import { testContext } from './support/context.js';
import { DATABASES, newWorkspaceId, openTestStore } from './support/databases.js';
import { scratchDir } from './support/scratch-dir.js';

const fixture = (name: string) => join('test', 'fixtures', 'import', name);
const hash = (text: string) => `h${text.length}`;

describe('import rows', () => {
  test('CSV columns with dots nest, numbers and booleans are typed, id columns stay text', () => {
    const row = rowFromCsvRecord({ userId: '00042', 'properties.score': '9', 'properties.ok': 'true', 'traits.address.city': 'Oslo', phone: '12345678', mrr: '1,800', empty: '' });
    assert.deepEqual(row, { userId: '00042', properties: { score: 9, ok: true }, traits: { address: { city: 'Oslo' } }, phone: '12345678', mrr: '1,800' });
  });

  test('an account row becomes a group call without a person, its other columns traits', () => {
    const result = messageFromRow('accounts', 'csv', { id: 'acme', name: 'Acme', mrr: 100, traits: { region: 'EMEA' } }, hash);
    assert.ok(result.ok);
    assert.deepEqual({ ...result.message, messageId: undefined }, { type: 'group', groupId: 'acme', traits: { region: 'EMEA', name: 'Acme', mrr: 100 }, messageId: undefined });
  });

  test('a contact row with an account column becomes an identify call that names the account', () => {
    const result = messageFromRow('contacts', 'csv', { userId: 'u-1', email: 'a@b.example', accountId: 'acme' }, hash);
    assert.ok(result.ok);
    assert.deepEqual(result.message['context'], { groupId: 'acme' });
    assert.deepEqual(result.message['traits'], { email: 'a@b.example' });
  });

  test('extra CSV columns of an event become properties; extra NDJSON fields are ignored', () => {
    const csv = messageFromRow('events', 'csv', { event: 'Order Completed', userId: 'u', revenue: 10, group_id: 'acme' }, hash);
    const ndjson = messageFromRow('events', 'ndjson', { event: 'Order Completed', userId: 'u', receivedAt: 'x', properties: { revenue: 10 } }, hash);
    assert.ok(csv.ok && ndjson.ok);
    assert.deepEqual(csv.message['properties'], { revenue: 10 });
    assert.deepEqual(csv.message['context'], { groupId: 'acme' });
    assert.equal(ndjson.message['receivedAt'], undefined);
    assert.equal(ndjson.message['type'], 'track');
  });

  test("a row's messageId is kept; without one the id comes from the content, whatever the column order", () => {
    const kept = messageFromRow('events', 'csv', { messageId: 'm-1', event: 'X', userId: 'u' }, hash);
    const a = messageFromRow('events', 'csv', { event: 'X', userId: 'u', timestamp: '2026-01-01' }, hash);
    const b = messageFromRow('events', 'csv', { timestamp: '2026-01-01', userId: 'u', event: 'X' }, hash);
    const c = messageFromRow('events', 'csv', { timestamp: '2026-01-02', userId: 'u', event: 'X' }, (t) => t);
    assert.ok(kept.ok && a.ok && b.ok && c.ok);
    assert.equal(kept.message['messageId'], 'm-1');
    assert.equal(a.message['messageId'], b.message['messageId']);
    assert.match(String(c.message['messageId']), /^import-events\n/);
  });

  test('a row without its id is rejected naming the field', () => {
    assert.deepEqual(messageFromRow('accounts', 'csv', { name: 'x' }, hash), { ok: false, issues: [{ path: 'groupId', message: 'is required (a groupId, accountId or id column)' }] });
    assert.deepEqual(messageFromRow('contacts', 'csv', { email: 'x' }, hash), { ok: false, issues: [{ path: 'userId', message: 'is required (a userId or id column)' }] });
  });

  test('the format comes from the file extension', () => {
    assert.equal(formatOfPath('a/b.CSV'), 'csv');
    assert.equal(formatOfPath('a/b.jsonl'), 'ndjson');
    assert.equal(formatOfPath('a/b.ndjson'), 'ndjson');
    assert.equal(formatOfPath('a/b.json'), undefined);
  });
});

const TIMESTAMP = 'timestamp: must be an ISO-8601 date string, e.g. 2026-01-31T12:00:00.000Z';

/** What each fixture holds: rows, the good ones, and the rejected lines with their reasons. */
const FIXTURES: { type: ImportType; format: ImportFormat; rows: number; stored: number; rejected: [number, string][] }[] = [
  { type: 'accounts', format: 'csv', rows: 5, stored: 3, rejected: [[4, 'groupId: is required (a groupId, accountId or id column)'], [6, TIMESTAMP]] },
  { type: 'accounts', format: 'ndjson', rows: 6, stored: 3, rejected: [[4, 'groupId: is required (a groupId, accountId or id column)'], [5, TIMESTAMP], [6, '(row): must be a JSON object']] },
  { type: 'contacts', format: 'csv', rows: 5, stored: 3, rejected: [[4, 'userId: is required (a userId or id column)'], [5, TIMESTAMP]] },
  { type: 'contacts', format: 'ndjson', rows: 5, stored: 3, rejected: [[3, 'userId: is required (a userId or id column)'], [4, '(row): is not valid JSON']] },
  { type: 'events', format: 'csv', rows: 7, stored: 4, rejected: [[5, 'userId: userId or anonymousId is required'], [6, 'event: is required for track'], [7, TIMESTAMP]] },
  { type: 'events', format: 'ndjson', rows: 8, stored: 5, rejected: [[4, 'event: is required for track'], [5, '(row): is not valid JSON'], [7, TIMESTAMP]] },
];

for (const database of DATABASES) {
  describe(`import on ${database.name}`, () => {
    let store: Store;
    let context: EngineContext;
    before(async () => {
      store = await openTestStore(database);
      context = testContext(store);
    });
    after(async () => store.close());

    for (const f of FIXTURES) {
      test(`${f.type} from ${f.format} are stored, rejected rows are reported by line, field and reason, and a second import stores nothing twice`, async () => {
        const ws = newWorkspaceId();
        const path = fixture(`${f.type}.${f.format}`);
        const first = await importFile(context, ws, { path, type: f.type, format: f.format });
        assert.equal(first.rowsRead, f.rows);
        assert.equal(first.stored, f.stored);
        assert.equal(first.rejected, f.rejected.length);
        assert.deepEqual(first.firstRejected.map((r) => [r.line, r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')]), f.rejected);
        assert.equal(first.reasons.reduce((sum, r) => sum + r.count, 0), f.rejected.length);
        const second = await importFile(context, ws, { path, type: f.type, format: f.format });
        assert.deepEqual([second.stored, second.duplicates, second.rejected], [0, f.stored, f.rejected.length]);
      });
    }

    test('a headerless text file of orders: named columns, one left out, YYYYMMDD dates, a default event, and equal rows one after another kept apart', async () => {
      const ws = newWorkspaceId();
      const options = { path: fixture('orders.txt'), type: 'events' as const, format: 'text' as const, columns: ['-', 'userId', 'timestamp', 'properties.quantity', 'properties.revenue'], event: 'Order Completed' };
      const first = await importFile(context, ws, options);
      assert.deepEqual([first.rowsRead, first.stored, first.rejected], [5, 4, 1], 'the blank line is no row; both equal purchases on 18 January are stored');
      assert.deepEqual(first.firstRejected, [{ line: 6, issues: [{ path: '(row)', message: 'has 6 values for 5 columns' }] }]);
      const again = await importFile(context, ws, options);
      assert.deepEqual([again.stored, again.duplicates], [0, 4]);
      const ann = await store.contacts.findByUserId(ws, '0001');
      const orders = (await store.timeline.ofContact(ws, ann!.id, { limit: 10 })).items;
      assert.deepEqual(orders.map((o) => [o.name, new Date(o.timestamp).toISOString(), o.revenue]).sort(), [
        ['Order Completed', '1997-01-01T00:00:00.000Z', 29.33],
        ['Order Completed', '1997-01-18T00:00:00.000Z', 29.73],
        ['Order Completed', '1997-01-18T00:00:00.000Z', 29.73],
      ]);
    });

    test('a headerless CSV takes its column names from the options, and a text file needs them', async () => {
      const ws = newWorkspaceId();
      const csv = await importFile(context, ws, { path: fixture('orders-headerless.csv'), type: 'events', format: 'csv', columns: ['userId', 'event', 'timestamp', 'revenue'], event: 'Order Placed' });
      assert.deepEqual([csv.stored, csv.rejected], [2, 0]);
      const bob = await store.contacts.findByUserId(ws, 'bob');
      const [order] = (await store.timeline.ofContact(ws, bob!.id, { limit: 10 })).items;
      assert.deepEqual([order?.name, new Date(order!.timestamp).toISOString(), order?.revenue], ['Order Placed', '2026-03-02T00:00:00.000Z', 12]);
      await assert.rejects(importFile(context, ws, { path: fixture('orders.txt'), type: 'events', format: 'text' }), /columns: are required for a text file/);
    });

    test('imported accounts, contacts and events make profiles, memberships and interactions', async () => {
      const ws = newWorkspaceId();
      await importFile(context, ws, { path: fixture('accounts.csv'), type: 'accounts', format: 'csv' });
      await importFile(context, ws, { path: fixture('contacts.csv'), type: 'contacts', format: 'csv' });
      await importFile(context, ws, { path: fixture('events.csv'), type: 'events', format: 'csv' });
      const acme = await store.accounts.find(ws, 'acme');
      assert.deepEqual([acme?.name, acme?.plan, acme?.mrr, acme?.employees, acme?.complexity, acme?.ownerEmail, acme?.traits['region']], ['Acme Logistics', 'enterprise', 12000, 1200, 'high', 'sara@example.com', 'EMEA']);
      assert.equal((await store.accounts.find(ws, 'cirrus'))?.mrr, 1800);
      assert.equal(acme?.contactCount, 2);
      const zed = await store.contacts.findByUserId(ws, '00042');
      assert.deepEqual([zed?.email, zed?.accounts], ['zed@bolt.example', ['bolt']]);
      const timeline = await store.timeline.ofAccount(ws, 'acme', { limit: 10 });
      const order = timeline.items.find((e) => e.name === 'Order Completed');
      const survey = timeline.items.find((e) => e.name === 'Survey Responded');
      assert.equal(order?.revenue, 1200.5);
      assert.equal(survey?.rating, 9);
      const totals = await store.timeline.totals(ws);
      assert.equal(totals.accounts, 3, 'acme, bolt and cirrus from the file; the events name no other account');
    });
  });
}

describe('the import command', () => {
  const run = promisify(execFile);
  const touchpoint = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env: { ...process.env, DATABASE_URL: '' } });

  test('prints what was stored and the rejected rows with their lines, and exits 0', async () => {
    const data = scratchDir('import');
    const { stdout } = await touchpoint('--data', data, 'import', fixture('events.csv'), '--type', 'events');
    assert.match(stdout, /read 7 rows/);
    assert.match(stdout, /stored: +4/);
    assert.match(stdout, /rejected: +3/);
    assert.match(stdout, /1 × event: is required for track/);
    assert.match(stdout, /line 7: timestamp: must be an ISO-8601 date string/);
    const again = await touchpoint('--data', data, 'import', fixture('events.csv'), '--type', 'events');
    assert.match(again.stdout, /stored: +0\n +duplicates: 4/);
  });

  test('exits 1 when no row is valid or the file is missing', async () => {
    const data = scratchDir('import');
    const bad = join(data, 'bad.ndjson');
    writeFileSync(bad, '{"event":"x"}\n');
    await assert.rejects(touchpoint('--data', data, 'import', bad, '--type', 'events'), (error: { code: number; stdout: string }) => {
      assert.equal(error.code, 1);
      assert.match(error.stdout, /line 1: userId: userId or anonymousId is required/);
      return true;
    });
    await assert.rejects(touchpoint('--data', data, 'import', join(data, 'missing.csv'), '--type', 'events'), (error: { stderr: string }) => {
      assert.match(error.stderr, /no such file/);
      return true;
    });
  });
});
