import { useEffect, useMemo, useRef, useState } from 'react';
import { ValidationFailed } from '../http';
import { readDraft, specToYaml, type PlacedProblem } from './yaml-draft';
import './yaml-spec-editor.css';

/** How long typing must pause before the draft is checked on the server. */
const CHECK_AFTER_MS = 500;

type Check = { status: 'unchanged' } | { status: 'checking' } | { status: 'valid' } | { status: 'problems'; message: string; problems: PlacedProblem[] } | { status: 'saving' } | { status: 'saved' } | { status: 'failed'; message: string };

export interface YamlSpecEditorProps {
  /** Names the text box, e.g. "Journey as YAML". */
  label: string;
  /** The definition in force, shown as YAML. */
  spec: unknown;
  /** Checks a draft without storing it; throws `ValidationFailed` with the problems. */
  check: (draft: unknown) => Promise<unknown>;
  /** Stores a draft; throws `ValidationFailed` with the problems. */
  save: (draft: unknown) => Promise<unknown>;
  onSaved: () => void;
}

/**
 * One definition edited as YAML, checked while typing: syntax at once, the schema and
 * references on the server once typing pauses. Each problem is marked at its line beside the
 * text and listed below it; choosing one selects that line.
 */
export function YamlSpecEditor({ label, spec, check, save, onSaved }: YamlSpecEditorProps) {
  const initial = useMemo(() => specToYaml(spec), [spec]);
  const [text, setText] = useState(initial);
  const [state, setState] = useState<Check>({ status: 'unchanged' });
  // When the definition in force changes (after a save, or elsewhere), untouched or saved text follows it.
  const [base, setBase] = useState(initial);
  if (base !== initial) {
    setBase(initial);
    if (text === base || state.status === 'saved') setText(initial);
  }
  const textarea = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const read = useMemo(() => readDraft(text), [text]);
  const changed = text !== initial;

  useEffect(() => {
    if (!changed || !read.ok) return;
    let current = true;
    const timer = setTimeout(() => {
      setState({ status: 'checking' });
      check(read.draft).then(
        () => current && setState({ status: 'valid' }),
        (error: unknown) => current && setState(failure(error, read.place)),
      );
    }, CHECK_AFTER_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `check` may be a new closure each render; the text is what asks for a new check.
  }, [read]);

  const problems = !read.ok ? read.problems : state.status === 'problems' ? state.problems : [];
  const byLine = new Map<number, PlacedProblem[]>();
  for (const problem of problems) if (problem.line !== null) byLine.set(problem.line, [...(byLine.get(problem.line) ?? []), problem]);
  const lineCount = text.split('\n').length;

  const edit = (value: string) => {
    setText(value);
    setState(value === initial ? { status: 'unchanged' } : { status: 'checking' });
  };
  const submit = () => {
    if (!read.ok) return;
    setState({ status: 'saving' });
    save(read.draft).then(
      () => {
        setState({ status: 'saved' });
        onSaved();
      },
      (error: unknown) => setState(failure(error, read.place)),
    );
  };
  const selectLine = (line: number) => {
    const element = textarea.current;
    if (!element) return;
    const lines = text.split('\n');
    const start = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
    element.focus();
    element.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
    const lineHeight = parseFloat(getComputedStyle(element).lineHeight) || 18;
    element.scrollTop = Math.max(0, (line - 1) * lineHeight - element.clientHeight / 3);
  };

  return (
    <div className="yaml-spec-editor">
      <div className="yaml-spec-frame">
        <div className="yaml-spec-gutter" ref={gutter} aria-hidden="true">
          {Array.from({ length: lineCount }, (_, i) => {
            const here = byLine.get(i + 1);
            return (
              <div key={i} className={here ? 'yaml-spec-line has-problem' : 'yaml-spec-line'} data-line={i + 1} title={here?.map((p) => `${p.path}: ${p.message}`).join('\n')}>
                {i + 1}
              </div>
            );
          })}
        </div>
        <textarea
          ref={textarea}
          className="yaml-spec-text"
          value={text}
          onChange={(e) => edit(e.target.value)}
          onScroll={(e) => gutter.current && (gutter.current.scrollTop = e.currentTarget.scrollTop)}
          spellCheck={false}
          wrap="off"
          aria-label={label}
          aria-invalid={problems.length > 0}
          rows={Math.min(Math.max(lineCount, 12), 32)}
        />
      </div>
      <div className="task-actions">
        <button type="button" className="button button-primary" disabled={!changed || !read.ok || state.status === 'saving'} onClick={submit}>
          Save
        </button>
        <button type="button" className="button button-ghost" disabled={!changed} onClick={() => edit(initial)}>
          Revert
        </button>
        <span role="status" className={problems.length > 0 || state.status === 'failed' ? 'error-text' : 'muted'} data-testid="editor-status">
          {statusText(state, read.ok ? null : problems.length)}
        </span>
      </div>
      {problems.length > 0 && (
        <ul className="yaml-spec-problems" role="alert" aria-label="Problems">
          {problems.map((problem, i) => (
            <li key={i}>
              {problem.line !== null && (
                <button type="button" className="link-button" onClick={() => selectLine(problem.line!)}>
                  line {problem.line}
                </button>
              )}{' '}
              <code>{problem.path}</code>: {problem.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function failure(error: unknown, place: (issues: ValidationFailed['issues']) => PlacedProblem[]): Check {
  if (error instanceof ValidationFailed) return { status: 'problems', message: error.message, problems: place(error.issues) };
  return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
}

function statusText(state: Check, syntaxProblems: number | null): string {
  if (syntaxProblems !== null) return `Not valid YAML (${syntaxProblems} problem${syntaxProblems === 1 ? '' : 's'})`;
  switch (state.status) {
    case 'unchanged':
      return 'In force; edit to change it.';
    case 'checking':
      return 'Checking…';
    case 'valid':
      return 'Valid; save to put it in force.';
    case 'problems':
      return state.message;
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved; in force now.';
    case 'failed':
      return state.message;
  }
}
