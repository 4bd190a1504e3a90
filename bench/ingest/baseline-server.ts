import { createServer } from 'node:http';
import { openBaseline } from './baseline-insert.js';

/**
 * The baseline server: bare `node:http`, parses the same JSON bodies as Touchpoint and
 * inserts their events in one transaction per request, answering 200 after the commit.
 * Usage: node baseline-server.js DATABASE_FILE; prints `listening PORT`.
 */
const store = openBaseline(process.argv[2]!);

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      store.insert(req.url === '/v1/batch' ? body.batch : [body]);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true}');
    } catch (error) {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
    }
  });
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);
});

process.once('SIGTERM', () => server.close(() => (store.close(), process.exit(0))));
