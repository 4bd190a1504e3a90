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

/** Streams the rows of a CSV (with a header line) or NDJSON file; memory stays flat. */
export function readRows(path: string, format: ImportFormat): RowSource {
  const input = createReadStream(path);
  return { rows: format === 'csv' ? csvRows(input) : ndjsonRows(input), bytesRead: () => input.bytesRead };
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

async function* csvRows(input: ReadStream): AsyncGenerator<FileRow> {
  // A malformed record (a stray quote) is reported and skipped; the records after it go on.
  const skipped: FileRow[] = [];
  const parser = input.pipe(
    parse({
      columns: (header: string[]) => header.map((h) => h.trim()),
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
