/**
 * What SQLite stores but PostgreSQL refuses: the NUL character in text or jsonb, a lone UTF-16
 * surrogate in jsonb, and JSON nested deeper than its parser's stack allows. Such input is
 * refused for every database alike, naming where it is, so that one odd message never fails
 * the transaction that carries other people's good messages.
 */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Objects and arrays may nest this deep; real traits and properties nest a few levels. */
export const MAX_NESTING = 32;

export interface UnstorableValue {
  path: string;
  message: string;
}

/** The first string (key or value) or nesting that cannot be stored, if any. */
export function findUnstorable(value: unknown, path = '', depth = 0): UnstorableValue | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? { path: path || '(value)', message: 'must not contain the NUL character or unpaired UTF-16 surrogates' } : null;
  if (value === null || typeof value !== 'object') return null;
  if (depth > MAX_NESTING) return { path, message: `nests deeper than ${MAX_NESTING} levels` };
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    const childPath = path ? `${path}.${key}` : key;
    if (UNSTORABLE.test(key)) return { path: childPath, message: 'must not contain the NUL character or unpaired UTF-16 surrogates' };
    const found = findUnstorable(child, childPath, depth + 1);
    if (found) return found;
  }
  return null;
}
