import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * One reader connection of the embedded store, in a worker thread (see sqlite-readers.ts).
 * It opens the database file read-only and answers `{ id, sql, parameters }` with the rows
 * of that SELECT, or with the error SQLite raised.
 *
 * Rows go back in parts of `answerRows` (see sqlite-readers.ts), the next part when the main thread asks for it
 * (`{ id, next: true }`): a message's rows are copied into the main thread in one go, so a
 * large answer sent whole would hold its event loop — ingestion, the API — for as long as
 * that takes. In parts, the main thread does other work between them.
 */
export type ReadRequest = { id: number; sql: string; parameters: unknown[] } | { id: number; next: true };

export type ReadAnswer = { id: number; rows: unknown[]; more: boolean } | { id: number; error: { message: string; code?: string } };

const STATEMENT_CACHE_SIZE = 100;

const { file, answerRows } = workerData as { file: string; answerRows: number };
const database = new Database(file, { readonly: true, fileMustExist: true });
database.pragma('busy_timeout = 5000');
const statements = new Map<string, Database.Statement>();

function prepare(sql: string): Database.Statement {
  let statement = statements.get(sql);
  if (statement) return statement;
  statement = database.prepare(sql);
  if (!statement.reader) throw new Error('a reader connection runs only statements that return rows');
  if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
  statements.set(sql, statement);
  return statement;
}

/** Answers not yet sent whole, by request: the rows, and where the next part starts. */
const unsent = new Map<number, { rows: unknown[]; from: number }>();

function sendPart(id: number, rows: unknown[], from: number): void {
  const to = Math.min(rows.length, from + answerRows);
  const more = to < rows.length;
  if (more) unsent.set(id, { rows, from: to });
  else unsent.delete(id);
  parentPort!.postMessage({ id, rows: from === 0 && !more ? rows : rows.slice(from, to), more } satisfies ReadAnswer);
}

parentPort!.on('message', (request: ReadRequest) => {
  const { id } = request;
  if ('next' in request) {
    const answer = unsent.get(id);
    if (answer) sendPart(id, answer.rows, answer.from);
    return;
  }
  let rows: unknown[];
  try {
    rows = prepare(request.sql).all(request.parameters);
  } catch (error) {
    const { message, code } = error as { message: string; code?: string };
    parentPort!.postMessage({ id, error: { message, ...(code === undefined ? {} : { code }) } } satisfies ReadAnswer);
    return;
  }
  sendPart(id, rows, 0);
});
