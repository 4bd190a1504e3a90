import { useState } from 'react';
import { parse, stringify, YAMLParseError } from 'yaml';
import { ValidationFailed, type FieldIssue, type ModelRulesApi, type RulesApplied, type RulesInForce, type RulesWhatIf } from '../api-client';
import { formatCurrency, formatInteger } from '../format';
import { Link } from '../router';
import { EconomicsComparison } from './economics-comparison';
import { MoveMatrix } from './move-matrix';
import './model-rules.css';

type Step =
  | { kind: 'editing' }
  | { kind: 'busy'; action: 'preview' | 'apply'; preview?: RulesWhatIf }
  | { kind: 'previewed'; preview: RulesWhatIf; text: string }
  | { kind: 'applied'; result: RulesApplied }
  | { kind: 'invalid'; message: string; issues: FieldIssue[] }
  | { kind: 'failed'; message: string };

/**
 * Edit the assignment rules as YAML, preview what they would do (the moves and the monthly
 * economics before and after), then apply exactly what was previewed. Apply stays disabled
 * until the text in the box has been previewed.
 */
export function RulesWhatIf({ rulesApi, inForce, modelIds, modelName, onApplied }: {
  rulesApi: ModelRulesApi;
  inForce: RulesInForce;
  modelIds: readonly string[];
  modelName: (id: string) => string;
  onApplied: (result: RulesApplied) => void;
}) {
  // What is in force changes when this panel applies; Reset goes back to that.
  const [current, setCurrent] = useState(inForce);
  const [text, setText] = useState(() => stringify(inForce.rules));
  const [step, setStep] = useState<Step>({ kind: 'editing' });

  const run = async (action: 'preview' | 'apply') => {
    const draft = parseDraft(text);
    if (!draft.ok) return setStep({ kind: 'invalid', message: 'The rules are not valid YAML', issues: draft.issues });
    setStep({ kind: 'busy', action, preview: step.kind === 'previewed' ? step.preview : undefined });
    try {
      if (action === 'preview') {
        setStep({ kind: 'previewed', preview: await rulesApi.whatIf(draft.value), text });
      } else {
        const result = await rulesApi.apply(draft.value);
        setCurrent({ rules: result.rules, shipped: false });
        setText(stringify(result.rules));
        setStep({ kind: 'applied', result });
        onApplied(result);
      }
    } catch (error) {
      if (error instanceof ValidationFailed) setStep({ kind: 'invalid', message: error.message, issues: error.issues });
      else setStep({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const reset = () => {
    setText(stringify(current.rules));
    setStep({ kind: 'editing' });
  };

  const preview = step.kind === 'previewed' || step.kind === 'busy' ? step.preview : step.kind === 'applied' ? step.result : undefined;
  const canApply = step.kind === 'previewed' && step.text === text;
  return (
    <div className="what-if">
      <label className="what-if-editor">
        <span className="muted small">
          Assignment rules {current.shipped ? '(as shipped)' : 'in force'}, as YAML: in order, the first rule that holds picks the model
        </span>
        <textarea value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} rows={16} aria-label="Assignment rules as YAML" />
      </label>
      <div className="what-if-actions">
        <button type="button" className="button" disabled={step.kind === 'busy'} onClick={() => void run('preview')}>
          {step.kind === 'busy' && step.action === 'preview' ? 'Previewing…' : 'Preview'}
        </button>
        <button type="button" className="button button-primary" disabled={!canApply} onClick={() => void run('apply')} title={canApply ? undefined : 'Preview the rules as they are first'}>
          {step.kind === 'busy' && step.action === 'apply' ? 'Applying…' : 'Apply'}
        </button>
        <button type="button" className="button button-ghost" disabled={step.kind === 'busy'} onClick={reset}>
          Reset
        </button>
        {step.kind === 'previewed' && step.text !== text && <span className="muted small">The rules changed since the preview: preview again to apply.</span>}
      </div>
      {step.kind === 'invalid' && (
        <div className="form-error" role="alert">
          <div>{step.message}</div>
          <ul className="issue-list">
            {step.issues.map((issue, i) => (
              <li key={i}>
                <code>{issue.path}</code> {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {step.kind === 'failed' && (
        <div className="form-error" role="alert">
          {step.message}
        </div>
      )}
      {step.kind === 'applied' && (
        <p className="what-if-applied" role="status">
          Applied: {step.result.change.summary}.
        </p>
      )}
      {preview && <WhatIfResult preview={preview} applied={step.kind === 'applied'} modelIds={modelIds} modelName={modelName} />}
    </div>
  );
}

function WhatIfResult({ preview, applied, modelIds, modelName }: { preview: RulesWhatIf; applied: boolean; modelIds: readonly string[]; modelName: (id: string) => string }) {
  const name = (id: string | null) => (id === null ? 'no model' : modelName(id));
  return (
    <div className="what-if-result" aria-label={applied ? 'Applied change' : 'Preview'}>
      <p className="what-if-headline">
        <strong>{formatInteger(preview.moved)}</strong> of {formatInteger(preview.accounts)} accounts {applied ? 'moved' : 'would move'}
        <span className="muted"> · monthly margin {formatCurrency(preview.before.total.margin)} → {formatCurrency(preview.after.total.margin)}</span>
      </p>
      <h3>Moves</h3>
      <MoveMatrix matrix={preview.matrix} modelIds={modelIds} modelName={modelName} />
      <h3>Monthly economics, before → after</h3>
      <EconomicsComparison before={preview.before} after={preview.after} modelName={modelName} />
      {preview.sample.length > 0 && (
        <>
          <h3>Moving accounts{preview.sample.length < preview.moved ? `, the ${preview.sample.length} with the most revenue` : ''}</h3>
          <div className="table-scroll">
            <table className="table" aria-label="Moving accounts">
              <thead>
                <tr>
                  <th>Account</th>
                  <th>Move</th>
                  <th className="num">MRR</th>
                  <th>Why</th>
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((account) => (
                  <tr key={account.groupId}>
                    <td>
                      <Link to={`/accounts/${encodeURIComponent(account.groupId)}`} className="entity-name">
                        {account.name ?? account.groupId}
                      </Link>
                    </td>
                    <td className="nowrap">
                      {name(account.from)} <span className="muted">→</span> {name(account.to)}
                    </td>
                    <td className="num">{account.mrr === null ? <span className="muted">—</span> : formatCurrency(account.mrr)}</td>
                    <td className="muted small">{account.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

/** The box's text as a document; a YAML error is an issue with its line, like the server's issues. */
function parseDraft(text: string): { ok: true; value: unknown } | { ok: false; issues: FieldIssue[] } {
  try {
    return { ok: true, value: parse(text) as unknown };
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    const line = error.linePos?.[0]?.line;
    return { ok: false, issues: [{ path: line ? `line ${line}` : '(yaml)', message: error.message.split('\n')[0] ?? error.message }] };
  }
}
