import { isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';

/** A problem named by its dotted path into a document (`steps.0.email.template`); Liquid problems also carry their line within the part. */
export interface PathIssue {
  path: string;
  partLine?: number;
}

/** `steps.0.email.template` as keys: digits are sequence indexes. */
export function pathKeys(path: string): (string | number)[] {
  return path === '' ? [] : path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** The 1-based line of the deepest node of `path` that exists in the document: a mapping entry's key, or a sequence item. */
export function lineOfPath(doc: Document, path: readonly (string | number)[], lineCounter: LineCounter): number | null {
  let node: unknown = doc.contents;
  let offset: number | undefined = (node as { range?: [number] } | null)?.range?.[0];
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      offset = (pair.key as { range?: [number] }).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      offset = (node as { range?: [number] } | undefined)?.range?.[0] ?? offset;
    } else break;
  }
  return offset === undefined ? null : lineCounter.linePos(offset).line;
}

/**
 * The line an issue points at, `prefix` being where the spec sits in the document (`['spec']`).
 * A problem inside a text part (`partLine`) written as a `|` or `>` block points at that line
 * of the block (`inPart`); in any other scalar, whose escapes and folding hide the part's line
 * breaks, it points at the field.
 */
export function lineOfIssue(doc: Document, lineCounter: LineCounter, issue: PathIssue, prefix: readonly (string | number)[] = []): { line: number | null; inPart: boolean } {
  const keys = [...prefix, ...pathKeys(issue.path)];
  const line = lineOfPath(doc, keys, lineCounter);
  if (issue.partLine === undefined) return { line, inPart: false };
  const node = doc.getIn(keys, true);
  const block = isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
  if (!block || !node.range) return { line, inPart: false };
  return { line: lineCounter.linePos(node.range[0]).line + issue.partLine, inPart: true };
}
