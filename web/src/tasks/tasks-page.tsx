import { useState } from 'react';
import { Empty, Failure, Loading } from '../components/page-states';
import { SegmentedControl } from '../components/segmented-control';
import { formatInteger } from '../format';
import { useResource } from '../use-resource';
import { TaskRow } from './task-row';
import { TeamLoad } from './team-load';
import type { Task } from './work-api';
import { useWorkApi } from './work-api-context';

const VIEWS = [
  { value: 'mine', label: 'My tasks' },
  { value: 'overdue', label: 'Overdue (team)' },
  { value: 'open', label: 'All open' },
  { value: 'done', label: 'My done' },
] as const;
type View = (typeof VIEWS)[number]['value'];

const DAY = 86_400_000;

/** A CSM's book of work: their open tasks by urgency, the team's overdue work, and the team's load. */
export function TasksPage() {
  const api = useWorkApi();
  const [view, setView] = useState<View>('mine');
  const [version, setVersion] = useState(0);
  const tasks = useResource(async () => {
    switch (view) {
      case 'mine':
        return api.myTasks('open');
      case 'done':
        return api.myTasks('done');
      case 'overdue':
        return { member: null, items: (await api.tasks(new URLSearchParams({ overdue: 'true' }))).items };
      case 'open':
        return { member: null, items: (await api.tasks(new URLSearchParams({ status: 'open' }))).items };
      default:
        return view satisfies never;
    }
  }, `${view}:${version}`);
  const now = Date.now();
  const refresh = () => setVersion((v) => v + 1);

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Tasks</h1>
          <p className="muted">Kickoffs, trainings, check-ins and escalations the engagement models ask of the team.</p>
        </div>
        <SegmentedControl label="Which tasks" options={[...VIEWS]} value={view} onChange={(v) => setView(v as View)} />
      </header>
      <div className="detail-grid">
        <div className="detail-main">
          {tasks.status === 'loading' && <Loading />}
          {tasks.status === 'error' && <Failure error={tasks.error} onRetry={tasks.reload} />}
          {tasks.status === 'ready' && (view === 'mine' || view === 'done') && tasks.data.member === null && (
            <Empty title="You are not on the team">Add a team member with your e-mail (POST /api/team) to own accounts and tasks.</Empty>
          )}
          {tasks.status === 'ready' && !((view === 'mine' || view === 'done') && tasks.data.member === null) && (
            <TaskGroups tasks={tasks.data.items} now={now} showOwner={view === 'overdue' || view === 'open'} grouped={view !== 'done'} onChanged={refresh} />
          )}
        </div>
        <aside className="detail-side">
          <TeamLoad key={version} />
        </aside>
      </div>
    </div>
  );
}

function TaskGroups({ tasks, now, showOwner, grouped, onChanged }: { tasks: Task[]; now: number; showOwner: boolean; grouped: boolean; onChanged: () => void }) {
  if (tasks.length === 0) return <section className="card"><Empty title="Nothing here">No tasks in this view.</Empty></section>;
  const groups = grouped
    ? [
        { title: 'Overdue', items: tasks.filter((t) => t.overdue) },
        { title: 'Next 7 days', items: tasks.filter((t) => !t.overdue && t.dueAt < now + 7 * DAY) },
        { title: 'Later', items: tasks.filter((t) => !t.overdue && t.dueAt >= now + 7 * DAY) },
      ].filter((g) => g.items.length > 0)
    : [{ title: 'Closed', items: tasks }];
  return (
    <>
      {groups.map((group) => (
        <section key={group.title} className="card" aria-label={group.title}>
          <div className="card-header">
            <h2>{group.title}</h2>
            <span className="count">{formatInteger(group.items.length)}</span>
          </div>
          <ul className="task-list">
            {group.items.map((task) => (
              <TaskRow key={task.id} task={task} now={now} showOwner={showOwner} onChanged={onChanged} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
