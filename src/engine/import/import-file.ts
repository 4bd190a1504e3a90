import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { validationError, type FieldIssue } from '../../core/errors.js';
import { messageFromRow, type ContentHash, type ImportFormat, type ImportType } from '../../core/import-rows.js';
import { messageBytes } from '../../core/segment-batch.js';
import { MAX_MESSAGE_BYTES, parseSegmentMessage, type SegmentMessage } from '../../core/segment-messages.js';
import { MAX_NESTING } from '../../core/storable-text.js';
import type { EngineContext } from '../context.js';
import { readRows } from './read-rows.js';
import { StatisticsSchedule } from './statistics-schedule.js';

const CHUNK_SIZE = 5000;
const FIRST_REJECTED = 10;
const PROGRESS_EVERY_ROWS = 1000;

export interface ImportOptions {
  path: string;
  type: ImportType;
  format: ImportFormat;
  /** The columns' names, in order, for a file without a header line (text, or CSV); `-` leaves a column out. */
  columns?: readonly string[];
  /** For events: the event name of rows without an `event` column (e.g. `Order Completed` for a file of orders). */
  event?: string;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  rowsRead: number;
}

export interface RejectedRow {
  line: number;
  issues: FieldIssue[];
}

export interface ImportSummary {
  rowsRead: number;
  /** Rows newly stored. */
  stored: number;
  /** Valid rows already stored (the same message id: an earlier import of the same row). */
  duplicates: number;
  rejected: number;
  /** Why rows were rejected, most frequent first; a row with two problems counts in both. */
  reasons: { reason: string; count: number }[];
  /** The first rejected rows, in file order. */
  firstRejected: RejectedRow[];
}

/** The format a file name implies: `.csv`, or `.ndjson` / `.jsonl`. (`.json` is often one array, not a line each.) */
export function formatOfPath(path: string): ImportFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  return undefined;
}

/**
 * Imports a file of accounts, contacts or events: streamed, validated row by row like the
 * HTTP API, written in chunks. A rejected row never stops the others; importing the same
 * file again stores nothing twice.
 */
export async function importFile(context: EngineContext, workspaceId: string, options: ImportOptions): Promise<ImportSummary> {
  const totalBytes = await fileSize(options.path);
  if (options.format === 'text' && !options.columns?.length) throw validationError('columns: are required for a text file (the names of its values, in order)');
  const source = readRows(options.path, options.format, options.columns);
  const rowId = rowIds();
  const summary: ImportSummary = { rowsRead: 0, stored: 0, duplicates: 0, rejected: 0, reasons: [], firstRejected: [] };
  const reasons = new Map<string, number>();
  const progress = () => options.onProgress?.({ bytesRead: Math.min(source.bytesRead(), totalBytes), totalBytes, rowsRead: summary.rowsRead });
  const reject = (line: number, issues: FieldIssue[]) => {
    summary.rejected++;
    for (const issue of issues) reasons.set(`${issue.path}: ${issue.message}`, (reasons.get(`${issue.path}: ${issue.message}`) ?? 0) + 1);
    if (summary.firstRejected.length < FIRST_REJECTED) summary.firstRejected.push({ line, issues });
  };
  let chunk: SegmentMessage[] = [];
  const statistics = new StatisticsSchedule(context.store);
  const flush = async () => {
    const result = await context.store.writeMessages(workspaceId, chunk, context.ids.id);
    summary.stored += result.stored;
    summary.duplicates += result.duplicates;
    chunk = [];
    await statistics.afterChunk();
    progress();
  };

  for await (const fileRow of source.rows) {
    summary.rowsRead++;
    if ('issues' in fileRow) {
      reject(fileRow.line, fileRow.issues);
    } else {
      const parsed = validateRow(options, fileRow.row, context.clock.now(), rowId);
      if (parsed.ok) chunk.push(parsed.message);
      else reject(fileRow.line, parsed.issues);
    }
    if (chunk.length >= CHUNK_SIZE) await flush();
    else if (summary.rowsRead % PROGRESS_EVERY_ROWS === 0) progress();
  }
  if (chunk.length > 0) await flush();
  await statistics.atEnd();
  progress();
  summary.reasons = [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1));
  return summary;
}

function validateRow(options: ImportOptions, row: Record<string, unknown>, receivedAt: number, rowId: ContentHash) {
  const named = options.type === 'events' && options.event !== undefined && row['event'] === undefined ? { event: options.event, ...row } : row;
  const mapped = messageFromRow(options.type, options.format, named, rowId);
  if (!mapped.ok) return mapped;
  const bytes = messageBytes(mapped.message);
  if (bytes === null) return { ok: false as const, issues: [{ path: '(row)', message: `nests deeper than ${MAX_NESTING} levels` }] };
  if (bytes > MAX_MESSAGE_BYTES) return { ok: false as const, issues: [{ path: '(row)', message: `is ${bytes} bytes; a message may be 32 KB` }] };
  return parseSegmentMessage(mapped.message, {
    receivedAt,
    newMessageId: () => mapped.message['messageId'] as string,
    allowAccountOnlyGroup: options.type === 'accounts',
  });
}

/**
 * Message ids for rows without one, from their content. Identical rows one after another (two
 * equal purchases on one day, say) are different messages: each after the first gets its place
 * in that run into its id, so they are all stored, and importing the file again still stores
 * nothing twice.
 */
function rowIds(): ContentHash {
  let previous: string | undefined;
  let repeat = 0;
  return (text) => {
    repeat = text === previous ? repeat + 1 : 0;
    previous = text;
    return contentHash(repeat === 0 ? text : `${text}\n${repeat}`);
  };
}

function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

async function fileSize(path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw validationError(`${path} is not a file`);
    return info.size;
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') throw validationError(`cannot read ${path}: no such file`);
    throw error;
  }
}
