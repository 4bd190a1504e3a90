import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { openBaseline } from './baseline-insert.js';

/**
 * The import baseline: reads an NDJSON file line by line and inserts the events in
 * transactions of 1,000. Usage: node baseline-import.js DATABASE_FILE NDJSON_FILE
 */
const TRANSACTION_ROWS = 1_000;

const store = openBaseline(process.argv[2]!);
let rows: Record<string, unknown>[] = [];
for await (const line of createInterface({ input: createReadStream(process.argv[3]!), crlfDelay: Infinity })) {
  if (line.trim() === '') continue;
  rows.push(JSON.parse(line));
  if (rows.length === TRANSACTION_ROWS) (store.insert(rows), (rows = []));
}
if (rows.length > 0) store.insert(rows);
store.close();
