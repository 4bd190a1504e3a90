import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SmtpCounter extends AsyncDisposable {
  port: number;
  /** Messages accepted so far. */
  readonly count: number;
  /** When each recipient's messages arrived (epoch ms), in order. */
  readonly arrivals: ReadonlyMap<string, number[]>;
  /** Resolves once `count` reaches `n`. */
  reached(n: number): Promise<void>;
}

/**
 * A sink SMTP server (smtp-server) on 127.0.0.1 that accepts every message, reads it to the end
 * and keeps only when it arrived for whom: parsing 200,000 messages would take the benchmark's
 * own processor time from the workers it measures.
 */
export async function startSmtpCounter(): Promise<SmtpCounter> {
  const arrivals = new Map<string, number[]>();
  let count = 0;
  const waiting: { n: number; resolve: () => void }[] = [];
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: 1_000_000,
    onData(stream, session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        const at = Date.now();
        for (const { address } of session.envelope.rcptTo) {
          const list = arrivals.get(address);
          if (list) list.push(at);
          else arrivals.set(address, [at]);
        }
        count++;
        for (const w of waiting.filter((w) => count >= w.n)) {
          waiting.splice(waiting.indexOf(w), 1);
          w.resolve();
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    get count() {
      return count;
    },
    arrivals,
    reached: (n) => (count >= n ? Promise.resolve() : new Promise((resolve) => waiting.push({ n, resolve }))),
    async [Symbol.asyncDispose]() {
      await new Promise<void>((resolve) => server.close(resolve));
    },
  };
}
