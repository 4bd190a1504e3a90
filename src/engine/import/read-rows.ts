import { createReadStream, type ReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse, type CsvError } from 'csv-parse';
import type { FieldIssue } from '../../core/errors.js';
import { rowFromCsvRecord, type ImportFormat, type Row } from '../../core/import-rows.js';

/** One row of a file, or why it could not be read; `line` is 1-based, as editors show it. */
export type FileRow = { line: number; row: Row } | { line: number; issues: FieldIssue[] };

export interface RowSource {
  rows: AsyncIterable<FileRow>;
  /** Bytes of the file read so far, for progress. */
  bytesRead(): number;
}

/**
 * Streams the rows of a file; memory stays flat. CSV has a header line unless `columns` names
 * them; text is whitespace-separated values under `columns` (a column named `-` is left out).
 */
export function readRows(path: string, format: ImportFormat, columns?: readonly string[]): RowSource {
  const input = createReadStream(path);
  const rows = format === 'csv' ? csvRows(input, columns) : format === 'text' ? textRows(input, columns ?? []) : ndjsonRows(input);
  return { rows, bytesRead: () => input.bytesRead };
}

async function* textRows(input: ReadStream, columns: readonly string[]): AsyncGenerator<FileRow> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    const values = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim().split(/\s+/).filter((v) => v !== '');
    if (values.length === 0) continue;
    if (values.length > columns.length) {
      yield { line, issues: [{ path: '(row)', message: `has ${values.length} values for ${columns.length} columns` }] };
      continue;
    }
    yield { line, row: rowFromCsvRecord(recordOf(columns, values)) };
  }
}

function recordOf(columns: readonly string[], values: readonly string[]): Record<string, string> {
  const record: Record<string, string> = {};
  values.forEach((value, i) => {
    if (columns[i] !== '-') record[columns[i]!] = value;
  });
  return record;
}

async function* ndjsonRows(input: ReadStream): AsyncGenerator<FileRow> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    const trimmed = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
    if (trimmed === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      yield { line, issues: [{ path: '(row)', message: 'is not valid JSON' }] };
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) yield { line, issues: [{ path: '(row)', message: 'must be a JSON object' }] };
    else yield { line, row: value as Row };
  }
}

async function* csvRows(input: ReadStream, names?: readonly string[]): AsyncGenerator<FileRow> {
  // A malformed record (a stray quote) is reported and skipped; the records after it go on.
  const skipped: FileRow[] = [];
  const parser = input.pipe(
    parse({
      columns: names ? names.map((n) => (n === '-' ? false : n)) : (header: string[]) => header.map((h) => h.trim()),
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      info: true,
      skip_records_with_error: true,
      on_skip: (error: CsvError | undefined) => {
        const reason = error?.message.split(':')[0] ?? 'malformed record';
        skipped.push({ line: Number((error as { lines?: number } | undefined)?.lines ?? 0), issues: [{ path: '(row)', message: `is not valid CSV (${reason})` }] });
        return undefined;
      },
    }),
  );
  input.on('error', (error) => parser.destroy(error));
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    yield* skipped.splice(0);
    yield { line: info.lines, row: rowFromCsvRecord(record) };
  }
  yield* skipped.splice(0);
}
