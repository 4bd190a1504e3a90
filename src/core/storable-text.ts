/**
 * PostgreSQL cannot store the NUL character in text or jsonb, nor a lone UTF-16 surrogate in
 * jsonb; SQLite can. Such input is refused for every database alike, naming where it is, so
 * that one odd string never fails the transaction that carries other people's good messages.
 */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The dotted path of the first string (key or value) that cannot be stored, if any. */
export function findUnstorableText(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path || '(value)' : null;
  if (value === null || typeof value !== 'object') return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    const childPath = path ? `${path}.${key}` : key;
    if (UNSTORABLE.test(key)) return childPath;
    const found = findUnstorableText(child, childPath);
    if (found) return found;
  }
  return null;
}
