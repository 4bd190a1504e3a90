import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * One reader connection of the embedded store, in a worker thread (see sqlite-readers.ts).
 * It opens the database file read-only and answers `{ id, sql, parameters }` with the rows
 * of that SELECT, or with the error SQLite raised.
 */
export interface ReadRequest {
  id: number;
  sql: string;
  parameters: unknown[];
}

export type ReadAnswer = { id: number; rows: unknown[] } | { id: number; error: { message: string; code?: string } };

const STATEMENT_CACHE_SIZE = 100;

const { file } = workerData as { file: string };
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

parentPort!.on('message', ({ id, sql, parameters }: ReadRequest) => {
  let answer: ReadAnswer;
  try {
    answer = { id, rows: prepare(sql).all(parameters) };
  } catch (error) {
    const { message, code } = error as { message: string; code?: string };
    answer = { id, error: { message, ...(code === undefined ? {} : { code }) } };
  }
  parentPort!.postMessage(answer);
});
