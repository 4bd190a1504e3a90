import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { describe, test } from 'node:test';
import { openStore, type StoreLocation } from '../src/store/open-store.js';
import { DEFAULT_WORKSPACE_ID } from '../src/store/workspaces.js';
import { scratchDir } from './support/scratch-dir.js';

const targets: { name: string; location: () => StoreLocation }[] = [
  { name: 'sqlite', location: () => ({ dataDir: scratchDir('kill') }) },
  ...(process.env['TOUCHPOINT_TEST_DATABASE_URL'] ? [{ name: 'postgres', location: () => ({ dataDir: '', databaseUrl: process.env['TOUCHPOINT_TEST_DATABASE_URL'] }) }] : []),
];

/** Starts `touchpoint serve` as a real process and resolves with its URL. */
function serve(location: StoreLocation): Promise<{ child: ChildProcess; url: string }> {
  const args = ['--import', 'tsx', 'src/cli/main.ts', '--data', location.dataDir || tmpdir(), ...(location.databaseUrl ? ['--database-url', location.databaseUrl] : []), 'serve', '--port', '0'];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DATABASE_URL: '' } });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) resolve({ child, url: match[1]! });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before it was ready: ${output}`)));
  });
}

for (const target of targets) {
  describe(`durability on ${target.name}`, () => {
    test('killing the server with SIGKILL right after a 200 loses nothing that was acknowledged', async () => {
      const location = target.location();
      const setup = await openStore(location);
      await setup.workspaces.ensure(DEFAULT_WORKSPACE_ID, 'Default workspace', Date.now());
      const { writeKey } = await setup.workspaces.ensureKeys(DEFAULT_WORKSPACE_ID, (p) => `${p}${Math.random().toString(36).slice(2)}`, Date.now());
      await setup.close();

      const { child, url } = await serve(location);
      const run = `kill-${Date.now()}`;
      const acknowledged: string[] = [];
      let killed = false;
      const headers = { authorization: 'Basic ' + Buffer.from(`${writeKey}:`).toString('base64'), 'content-type': 'application/json' };
      const worker = async (w: number) => {
        for (let i = 0; !killed; i++) {
          const ids = Array.from({ length: 10 }, (_, k) => `${run}-${w}-${i}-${k}`);
          const batch = ids.map((messageId) => ({ type: 'track', userId: `killer-${w}`, event: 'Durable', messageId }));
          try {
            const response = await fetch(`${url}/v1/batch`, { method: 'POST', headers, body: JSON.stringify({ batch }) });
            if (response.status === 200) acknowledged.push(...ids);
          } catch {
            return; // the server is gone: this request was never acknowledged
          }
          if (acknowledged.length >= 400 && !killed) {
            killed = true;
            child.kill('SIGKILL');
          }
        }
      };
      await Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
      await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));
      assert.equal(child.signalCode, 'SIGKILL');

      const store = await openStore(location);
      try {
        const stored = new Set<string>();
        for (let i = 0; i < acknowledged.length; i += 500) {
          const rows = await store.db.selectFrom('events').select('message_id').where('workspace_id', '=', DEFAULT_WORKSPACE_ID).where('message_id', 'in', acknowledged.slice(i, i + 500)).execute();
          for (const row of rows) stored.add(row.message_id);
        }
        const lost = acknowledged.filter((id) => !stored.has(id));
        assert.ok(acknowledged.length >= 400);
        assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged events were lost`);
      } finally {
        await store.close();
      }
    });
  });
}
