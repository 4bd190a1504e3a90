import { useState } from 'react';
import type { AccountEscalation, AccountOwnerView, Task } from '../../../src/core/records';
import { Failure, Loading } from '../components/page-states';
import { formatDay, formatRelative, humanize } from '../format';
import { useResource } from '../use-resource';
import { TaskRow } from './task-row';
import { useWorkApi } from './work-api-context';

/** The account's owner and why, and an escalation under way. */
export function OwnerCard({ owner, escalation }: { owner: AccountOwnerView | null; escalation: AccountEscalation | null }) {
  return (
    <section className="card" data-testid="account-owner">
      <h2 className="card-title">Owner</h2>
      {owner ? (
        <>
          <p className="model-name">
            <strong>{owner.name}</strong> <span className="muted">since {formatDay(owner.since)}</span>
          </p>
          <p className="model-reason">{owner.reason}</p>
        </>
      ) : (
        <p className="muted">No CSM owns this account.</p>
      )}
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
