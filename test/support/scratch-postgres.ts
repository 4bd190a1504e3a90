import { randomUUID } from 'node:crypto';
import pg from 'pg';

export interface ScratchDatabase extends AsyncDisposable {
  url: string;
}

/**
 * A new, empty database on the server of `serverUrl`, dropped on dispose. For tests that run
 * `touchpoint worker` processes: a worker takes due work from every workspace, so on the shared
 * test database it would also take (and send) the work of other suites running at the same time.
 */
export async function createScratchDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const name = `touchpoint_scratch_${randomUUID().replaceAll('-', '')}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async [Symbol.asyncDispose]() {
      await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
