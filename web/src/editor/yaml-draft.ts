import { LineCounter, parseDocument, stringify, type Document } from 'yaml';
import { lineOfIssue } from '../../../src/core/definitions/yaml-lines';
import type { FieldIssue } from '../http';

/** A problem placed in the editor's text: its line (null when it has none), the path it names and why. */
export interface PlacedProblem {
  line: number | null;
  path: string;
  message: string;
}

/** A definition as the editor shows it: YAML, long lines kept whole, multi-line text as `|` blocks. */
export function specToYaml(spec: unknown): string {
  return stringify(spec, { lineWidth: 0 });
}

/** The editor's text read as YAML: the draft to check, or its syntax problems with their lines. */
export type ReadDraft = { ok: true; draft: unknown; place: (issues: readonly FieldIssue[]) => PlacedProblem[] } | { ok: false; problems: PlacedProblem[] };

export function readDraft(text: string): ReadDraft {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    return { ok: false, problems: doc.errors.map((error) => ({ line: error.linePos?.[0]?.line ?? null, path: '(yaml)', message: error.message.split('\n')[0] ?? error.message })) };
  }
  return { ok: true, draft: doc.toJS() as unknown, place: (issues) => placeIssues(doc, lineCounter, issues) };
}

/** The server's issues, each at the line of the field it names (or, in a template part, the line in it). */
function placeIssues(doc: Document, lineCounter: LineCounter, issues: readonly FieldIssue[]): PlacedProblem[] {
  return issues
    .map((issue) => {
      const { line, inPart } = lineOfIssue(doc, lineCounter, issue);
      // `line 3: ...` counts within the part; where the editor can show that line itself, it does.
      return { line, path: issue.path, message: inPart ? issue.message.replace(/^line \d+: /, '') : issue.message };
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
