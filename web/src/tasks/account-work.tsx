import { useState } from 'react';
import type { AccountEscalation, AccountOwnerView, Task } from '../../../src/core/records';
import { Failure, Loading } from '../components/page-states';
import { formatDay, formatRelative, humanize } from '../format';
import { useResource } from '../use-resource';
import { TaskRow } from './task-row';
import { useWorkApi } from './work-api-context';

/** The account's owner and why, a way to hand it to someone else, and an escalation under way. */
export function OwnerCard({ groupId, owner: initial, escalation, onReassigned }: { groupId: string; owner: AccountOwnerView | null; escalation: AccountEscalation | null; onReassigned: () => void }) {
  const api = useWorkApi();
  const [choosing, setChoosing] = useState(false);
  const team = useResource(() => (choosing ? api.team() : Promise.resolve({ items: [] })), choosing ? 'team' : 'idle');
  const [error, setError] = useState<string | null>(null);
  const reassign = async (memberId: string) => {
    setError(null);
    try {
      await api.reassignOwner(groupId, memberId === '' ? null : memberId, 'reassigned in the dashboard');
      setChoosing(false);
      onReassigned();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section className="card" data-testid="account-owner">
      <div className="card-header">
        <h2>Owner</h2>
        {!choosing && (
          <button type="button" className="button button-ghost" onClick={() => setChoosing(true)}>
            Reassign
          </button>
        )}
      </div>
      {initial ? (
        <>
          <p className="model-name">
            <strong>{initial.name}</strong> <span className="muted">since {formatDay(initial.since)}</span>
          </p>
          <p className="model-reason">{initial.reason}</p>
        </>
      ) : (
        <p className="muted">No CSM owns this account.</p>
      )}
      {choosing && team.status === 'ready' && (
        <label className="field-inline">
          <span>New owner</span>
          <select aria-label="New owner" defaultValue={initial?.memberId ?? ''} onChange={(e) => void reassign(e.target.value)}>
            <option value="">Nobody</option>
            {team.data.items
              .filter((m) => m.role === 'csm' && m.active)
              .map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name} ({m.accounts}/{m.capacity})
                </option>
              ))}
          </select>
        </label>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      {escalation && (
        <p className="escalation-note" data-testid="account-escalation">
          Escalated by rule <strong>{escalation.ruleId}</strong> from {humanize(escalation.fromModel)} {formatRelative(escalation.escalatedAt, Date.now())}
          {escalation.healthySince !== null ? `; healthy since ${formatDay(escalation.healthySince)}` : '; the signal still holds'}.
        </p>
      )}
    </section>
  );
}

/** Open tasks on the account, each completable in place. */
export function AccountTasks({ tasks: initial }: { tasks: Task[] }) {
  const [tasks, setTasks] = useState(initial);
  const now = Date.now();
  return (
    <section className="card" data-testid="account-tasks">
      <div className="card-header">
        <h2>Open tasks</h2>
        <span className="count">{tasks.filter((t) => t.status === 'open').length}</span>
      </div>
      {tasks.length === 0 ? (
        <p className="muted">No open tasks.</p>
      ) : (
        <ul className="task-list">
          {tasks.map((task) => (
            <TaskRow key={task.id} task={task} now={now} showAccount={false} onChanged={(changed) => setTasks((all) => all.map((t) => (t.id === changed.id ? changed : t)))} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** Every change of the account's model and phase, newest first, with who made it and why. */
export function ModelHistory({ groupId }: { groupId: string }) {
  const api = useWorkApi();
  const history = useResource(() => api.modelHistory(groupId), groupId);
  return (
    <section className="card" data-testid="model-history">
      <h2 className="card-title">Model history</h2>
      {history.status === 'loading' && <Loading />}
      {history.status === 'error' && <Failure error={history.error} onRetry={history.reload} />}
      {history.status === 'ready' && (
        <ol className="history">
          {history.data.items.map((change, index) => (
            <li key={index}>
              <div>
                {change.fromModel ? `${humanize(change.fromModel)} → ` : ''}
                <strong>{humanize(change.toModel)}</strong> <span className="muted">({humanize(change.toPhase)})</span>
              </div>
              <div className="history-reason">{change.reason}</div>
              <div className="muted history-meta">
                {formatDay(change.changedAt)} · by {change.changedBy}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
