import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface Target {
  url: string;
  headers: Record<string, string>;
}

export interface LoadResult {
  events: number;
  seconds: number;
}

/**
 * Posts every body to `target` over `concurrency` keep-alive connections, each connection
 * sending its next body as soon as the previous answer arrives. Any answer but 200 fails the run.
 */
export async function postAll(target: Target, bodies: readonly Buffer[], eventsPerBody: number, concurrency: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const url = new URL(target.url);
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) await post(agent, url, target.headers, bodies[next++]!);
  };
  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  return { events: bodies.length * eventsPerBody, seconds: (performance.now() - started) / 1000 };
}

function post(agent: Agent, url: URL, headers: Record<string, string>, body: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': String(body.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        if (res.statusCode === 200) resolve();
        else reject(new Error(`${url.pathname} answered ${res.statusCode}: ${Buffer.concat(chunks).toString('utf8').slice(0, 300)}`));
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
