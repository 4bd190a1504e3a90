import { useState } from 'react';
import { formatDateTime, formatRelative, humanize } from '../format';
import { Link } from '../router';
import type { Task } from './work-api';
import { useWorkApi } from './work-api-context';

const TYPE_PILLS: Record<string, string> = {
  'intro-call': 'pill-blue', kickoff: 'pill-violet', training: 'pill-violet', 'check-in': 'pill-grey', qbr: 'pill-blue', 'renewal-call': 'pill-amber', escalation: 'pill-red',
};

const TYPE_LABELS: Record<string, string> = { qbr: 'QBR', 'intro-call': 'Intro call', 'renewal-call': 'Renewal call', 'check-in': 'Check-in' };

/**
 * One task with what a CSM does with it: mark it done with an outcome (which lands on the
 * account's timeline) or cancel it. `showAccount` is off on the account's own page.
 */
export function TaskRow({ task, now, showAccount = true, showOwner = false, onChanged }: { task: Task; now: number; showAccount?: boolean; showOwner?: boolean; onChanged: (task: Task) => void }) {
  const api = useWorkApi();
  const [closing, setClosing] = useState(false);
  const [outcome, setOutcome] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = async (status: 'done' | 'cancelled') => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await api.updateTask(task.id, { status, outcome: outcome.trim() || undefined }));
      setClosing(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className={`task${task.overdue ? ' task-overdue' : ''}`} data-testid="task" data-task-type={task.type}>
      <div className="task-main">
        <span className={`pill ${TYPE_PILLS[task.type] ?? 'pill-grey'}`}>{TYPE_LABELS[task.type] ?? humanize(task.type)}</span>
        <span className="task-title">{task.title}</span>
        {showAccount && (
          <Link to={`/accounts/${encodeURIComponent(task.groupId)}`} className="task-account">
            {task.accountName ?? task.groupId}
          </Link>
        )}
      </div>
      <div className="task-meta">
        {showOwner && <span className="muted">{task.ownerName ?? 'Unassigned'}</span>}
        {task.status === 'open' ? (
          <span className={task.overdue ? 'task-due overdue' : 'task-due'} title={formatDateTime(task.dueAt)}>
            {task.overdue ? `Overdue, due ${formatRelative(task.dueAt, now)}` : `Due ${formatRelative(task.dueAt, now)}`}
          </span>
        ) : (
          <span className="muted">{humanize(task.status)}{task.closedAt ? ` ${formatRelative(task.closedAt, now)}` : ''}</span>
        )}
        {task.status === 'open' && !closing && (
          <button type="button" className="button" onClick={() => setClosing(true)}>
            Complete…
          </button>
        )}
      </div>
      {task.status !== 'open' && task.outcome && <p className="task-outcome">{task.outcome}</p>}
      {closing && (
        <div className="task-close">
          <label className="field">
            <span>Outcome</span>
            <textarea value={outcome} onChange={(e) => setOutcome(e.target.value)} rows={3} placeholder="What happened, what was agreed, next steps" aria-label="Outcome" />
          </label>
          {error && <p className="form-error" role="alert">{error}</p>}
          <div className="task-actions">
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void close('done')}>
              Mark done
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void close('cancelled')}>
              Cancel task
            </button>
            <button type="button" className="button button-ghost" disabled={busy} onClick={() => setClosing(false)}>
              Back
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
