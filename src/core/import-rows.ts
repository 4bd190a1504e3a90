import type { FieldIssue } from './errors.js';

/**
 * Rows of an import file as Segment messages. Accounts become `group` calls without a person,
 * contacts `identify` calls (a column naming the account makes them its member), events
 * `track` calls or any Segment message. Every message then goes through the same validation
 * as the HTTP API.
 */
export const IMPORT_TYPES = ['accounts', 'contacts', 'events'] as const;
export type ImportType = (typeof IMPORT_TYPES)[number];

/** CSV (a header line, or `columns`), NDJSON, or text: whitespace-separated values under `columns`. */
export const IMPORT_FORMATS = ['csv', 'ndjson', 'text'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export type Row = Record<string, unknown>;
export type RowMapping = { ok: true; message: Row } | { ok: false; issues: FieldIssue[] };

/** A digest of a row's content, e.g. hex SHA-256; makes message ids for rows without one. */
export type ContentHash = (text: string) => string;

const ACCOUNT_ID_COLUMNS = ['groupId', 'group_id', 'accountId', 'account_id', 'id'];
const CONTACT_ID_COLUMNS = ['userId', 'user_id', 'id'];
const MEMBER_OF_COLUMNS = ['groupId', 'group_id', 'accountId', 'account_id'];
const ANONYMOUS_ID_COLUMNS = ['anonymousId', 'anonymous_id'];
const MESSAGE_ID_COLUMNS = ['messageId', 'message_id'];

/** Top-level fields of a Segment message that an events row keeps as they are. */
const SEGMENT_FIELDS = new Set(['type', 'event', 'name', 'category', 'userId', 'anonymousId', 'groupId', 'previousId', 'messageId', 'timestamp', 'originalTimestamp', 'sentAt', 'properties', 'traits', 'context', 'integrations']);

/** Columns that stay text in CSV even when they look like numbers (ids, phone numbers). */
const TEXT_COLUMNS = new Set([
  ...ACCOUNT_ID_COLUMNS, ...CONTACT_ID_COLUMNS, ...ANONYMOUS_ID_COLUMNS, ...MESSAGE_ID_COLUMNS, ...SEGMENT_FIELDS,
  'phone', 'zip', 'postalCode', 'postal_code',
]);

/**
 * A CSV record as a row: empty cells are absent, dotted columns nest (`properties.plan`,
 * `traits.address.city`), and numbers and true/false are typed, except in id-like columns.
 */
export function rowFromCsvRecord(record: Readonly<Record<string, string>>): Row {
  const row: Row = {};
  for (const [column, text] of Object.entries(record)) {
    if (text === undefined || text === '' || column === '') continue;
    const path = column.split('.');
    const leaf = path[path.length - 1]!;
    const value = TEXT_COLUMNS.has(column) || TEXT_COLUMNS.has(leaf) ? text : typedValue(text);
    let target = row;
    for (const key of path.slice(0, -1)) {
      const next = target[key];
      target = isObject(next) ? next : (target[key] = {});
    }
    target[leaf] = value;
  }
  return row;
}

/**
 * The Segment message for one row, with the row's `messageId` or else one made from its
 * content, so importing the same file again stores nothing twice. `format` matters for
 * events: extra CSV columns become properties; extra NDJSON fields are ignored.
 */
export function messageFromRow(type: ImportType, format: ImportFormat, row: Row, hash: ContentHash): RowMapping {
  const mapped = mapRow(type, format, row);
  if (!mapped.ok) return mapped;
  const messageId = identifier(pick(row, MESSAGE_ID_COLUMNS));
  const message = messageId !== undefined ? { ...mapped.message, messageId } : { ...mapped.message, messageId: `import-${hash(`${type}\n${stableJson(mapped.message)}`)}` };
  return { ok: true, message };
}

function mapRow(type: ImportType, format: ImportFormat, row: Row): RowMapping {
  switch (type) {
    case 'accounts':
      return accountMessage(row);
    case 'contacts':
      return contactMessage(row);
    case 'events':
      return eventMessage(row, format);
    default: {
      const unexpected: never = type;
      throw new Error(`unknown import type ${String(unexpected)}`);
    }
  }
}

function accountMessage(row: Row): RowMapping {
  const groupId = identifier(pick(row, ACCOUNT_ID_COLUMNS));
  if (groupId === undefined) return missing('groupId', 'is required (a groupId, accountId or id column)');
  const traits = traitsOf(row, [...ACCOUNT_ID_COLUMNS, ...MESSAGE_ID_COLUMNS, 'timestamp', 'type', 'context']);
  return { ok: true, message: compact({ type: 'group', groupId, traits, timestamp: isoTimestamp(row['timestamp']), context: row['context'] }) };
}

function contactMessage(row: Row): RowMapping {
  const userId = identifier(pick(row, CONTACT_ID_COLUMNS));
  if (userId === undefined) return missing('userId', 'is required (a userId or id column)');
  const memberOf = identifier(pick(row, MEMBER_OF_COLUMNS));
  const context = isObject(row['context']) ? { ...row['context'] } : {};
  // A context groupId makes the person a member of the account, as any other call would.
  if (memberOf !== undefined) context['groupId'] = memberOf;
  const traits = traitsOf(row, [...CONTACT_ID_COLUMNS, ...MEMBER_OF_COLUMNS, ...ANONYMOUS_ID_COLUMNS, ...MESSAGE_ID_COLUMNS, 'timestamp', 'type', 'context']);
  return {
    ok: true,
    message: compact({ type: 'identify', userId, anonymousId: pick(row, ANONYMOUS_ID_COLUMNS), traits, timestamp: isoTimestamp(row['timestamp']), context: Object.keys(context).length > 0 ? context : undefined }),
  };
}

function eventMessage(row: Row, format: ImportFormat): RowMapping {
  const message: Row = {};
  const extra: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (SEGMENT_FIELDS.has(key)) message[key] = value;
    else if (format !== 'ndjson' && !ALIASES.has(key)) extra[key] = value;
  }
  message['type'] ??= 'track';
  message['timestamp'] = isoTimestamp(message['timestamp']);
  message['userId'] ??= pick(row, ['user_id']);
  message['anonymousId'] ??= pick(row, ['anonymous_id']);
  message['messageId'] = undefined;
  const account = pick(row, ['group_id', 'accountId', 'account_id']);
  if (account !== undefined && message['groupId'] === undefined) message['groupId'] = account;
  // Outside group calls the account travels as `context.groupId`, as Segment's libraries send it.
  if (message['type'] !== 'group' && message['groupId'] !== undefined) {
    message['context'] = { ...(isObject(message['context']) ? message['context'] : {}), groupId: message['groupId'] };
    delete message['groupId'];
  }
  if (Object.keys(extra).length > 0) message['properties'] = { ...extra, ...(isObject(message['properties']) ? message['properties'] : {}) };
  return { ok: true, message: compact(message) };
}

/** A date in ISO 8601's basic form, `YYYYMMDD` (as many exports write them), as the start of that UTC day; anything else as it is. */
function isoTimestamp(value: unknown): unknown {
  const basic = typeof value === 'string' ? /^(\d{4})(\d{2})(\d{2})$/.exec(value) : null;
  return basic ? `${basic[1]}-${basic[2]}-${basic[3]}T00:00:00.000Z` : value;
}

const ALIASES = new Set(['user_id', 'anonymous_id', 'message_id', 'group_id', 'accountId', 'account_id']);

/** Traits: a `traits` object if the row has one, and every other column that is not an id. */
function traitsOf(row: Row, exclude: readonly string[]): Row {
  const skip = new Set([...exclude, 'traits']);
  const traits: Row = isObject(row['traits']) ? { ...row['traits'] } : {};
  for (const [key, value] of Object.entries(row)) if (!skip.has(key)) traits[key] = value;
  return traits;
}

function typedValue(text: string): unknown {
  if (/^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}

function pick(row: Row, keys: readonly string[]): unknown {
  for (const key of keys) if (row[key] !== undefined && row[key] !== null && row[key] !== '') return row[key];
  return undefined;
}

function identifier(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function missing(path: string, message: string): RowMapping {
  return { ok: false, issues: [{ path, message }] };
}

function compact(message: Row): Row {
  return Object.fromEntries(Object.entries(message).filter(([, v]) => v !== undefined));
}

function isObject(value: unknown): value is Row {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** JSON with object keys sorted, so the same content hashes the same whatever the column order. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (isObject(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableJson(value[k])}`).join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}
