import { useEffect, useState } from 'react';
import { useApi } from '../api-context';
import { ValidationFailed, type FieldIssue } from '../http';
import { Failure, Loading } from '../components/page-states';
import { humanize } from '../format';

const KINDS = ['EngagementModel', 'AssignmentRules', 'EscalationRule', 'TaskTemplate', 'Segment', 'Journey', 'MessageTemplate'] as const;
type Kind = (typeof KINDS)[number];

type Outcome = { kind: 'idle' } | { kind: 'busy' } | { kind: 'valid'; text: string } | { kind: 'applied'; text: string } | { kind: 'invalid'; message: string; issues: FieldIssue[] };

/**
 * Every definition as YAML, edited in place: the same documents as `touchpoint export` and
 * `touchpoint apply -f`, checked by the same schema, applied all or nothing. Problems are
 * listed by line and path.
 */
export function DefinitionsPage() {
  const api = useApi();
  const [kind, setKind] = useState<Kind>('EngagementModel');
  const [text, setText] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<Error | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    setText(null);
    setLoadError(null);
    setOutcome({ kind: 'idle' });
    api.definitions(kind).then(
      (body) => current && setText(body.yaml),
      (error: unknown) => current && setLoadError(error instanceof Error ? error : new Error(String(error))),
    );
    return () => {
      current = false;
    };
  }, [kind, version, api]);

  const submit = async (action: 'validate' | 'apply') => {
    if (text === null) return;
    setOutcome({ kind: 'busy' });
    try {
      if (action === 'validate') {
        const body = await api.validateDefinitions(text);
        setOutcome({ kind: 'valid', text: `Valid: ${body.definitions.length} definition${body.definitions.length === 1 ? '' : 's'}.` });
      } else {
        const body = await api.applyDefinitions(text);
        const moved = body.assigned ? ` ${body.assigned.changed} of ${body.assigned.accounts} accounts changed model.` : '';
        setOutcome({ kind: 'applied', text: `Applied ${body.applied.map((d) => d.id).join(', ')}.${moved}` });
      }
    } catch (error) {
      if (error instanceof ValidationFailed) setOutcome({ kind: 'invalid', message: error.message, issues: error.issues });
      else setOutcome({ kind: 'invalid', message: error instanceof Error ? error.message : String(error), issues: [] });
    }
  };

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Definitions</h1>
          <p className="muted">Engagement models, rules and task templates as YAML — the same documents as <code>touchpoint export</code> and <code>touchpoint apply -f</code>.</p>
        </div>
        <label className="field-inline">
          <span>Kind</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)} aria-label="Kind">
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {humanize(k)}
              </option>
            ))}
          </select>
        </label>
      </header>
      <section className="card">
        {loadError && <Failure error={loadError} onRetry={() => setVersion((v) => v + 1)} />}
        {!loadError && text === null && <Loading />}
        {text !== null && (
          <>
            <textarea className="yaml-editor" value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} aria-label="Definitions as YAML" rows={28} />
            <div className="task-actions">
              <button type="button" className="button" disabled={outcome.kind === 'busy'} onClick={() => void submit('validate')}>
                Validate
              </button>
              <button type="button" className="button button-primary" disabled={outcome.kind === 'busy'} onClick={() => void submit('apply')}>
                Apply
              </button>
              <button type="button" className="button button-ghost" onClick={() => setVersion((v) => v + 1)}>
                Revert
              </button>
            </div>
            {(outcome.kind === 'valid' || outcome.kind === 'applied') && (
              <p className="definition-ok" role="status">
                {outcome.text}
              </p>
            )}
            {outcome.kind === 'invalid' && (
              <div className="definition-issues" role="alert">
                <p>{outcome.message}</p>
                <ul>
                  {outcome.issues.map((issue, i) => (
                    <li key={i}>
                      <code>{issue.path}</code>: {issue.message}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </>
        )}
      </section>
    </div>
  );
}
