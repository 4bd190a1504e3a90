import { createGoalsApi, type GoalProgress } from '../api-client';
import { useApiPart } from '../api-context';
import { formatDay } from '../format';
import { useResource } from '../use-resource';
import { CsvDownload } from './csv-download';
import { Failure, Loading } from './page-states';

const STATUS = {
  met: { label: 'Met', pill: 'pill pill-green' },
  'on-track': { label: 'On track', pill: 'pill pill-blue' },
  'off-track': { label: 'Off track', pill: 'pill pill-amber' },
  'no-data': { label: 'No data yet', pill: 'pill' },
} as const;

/** Each goal this period: its value against target and benchmark, progress, and a warning when off track. */
export function GoalsCard() {
  const goals = useApiPart(createGoalsApi);
  const list = useResource(() => goals.list(), 'goals');
  const rows = list.data?.items ?? [];
  const header = ['Goal', 'Period start', 'Value', 'Target', 'Benchmark', 'Expected by now', 'Last period', 'Status'];
  const csv = [header, ...rows.map((g) => [g.goal.name, new Date(g.start).toISOString().slice(0, 10), g.value, g.goal.target, g.goal.benchmark ?? null, g.expected, g.previous, g.status])];
  return (
    <section className="card card-flush" aria-label="Goals">
      <div className="card-header card-header-padded">
        <h2>Goals</h2>
        <span className="spacer" />
        {list.status === 'ready' && <CsvDownload rows={csv} filename="goals.csv" />}
      </div>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <Failure error={list.error} onRetry={list.reload} />}
      {list.status === 'ready' && (
        <table className="table" aria-label="Goal progress">
          <thead>
            <tr>
              <th>Goal</th>
              <th className="num">Now</th>
              <th className="num">Target</th>
              <th className="num">Benchmark</th>
              <th>Progress</th>
              <th className="num">Last {rows[0]?.goal.period ?? 'period'}</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((g) => (
              <tr key={g.goal.id} className={g.status === 'off-track' ? 'goal-off-track' : undefined}>
                <td>
                  {g.goal.name}
                  <div className="muted small">
                    {g.goal.period} from {formatDay(g.start)}, {Math.round(g.elapsed * 100)}% gone
                  </div>
                </td>
                <td className="num strong">{show(g.value, g.unit)}</td>
                <td className="num">{show(g.goal.target, g.unit)}</td>
                <td className="num">{g.goal.benchmark === undefined ? '—' : show(g.goal.benchmark, g.unit)}</td>
                <td className="bar-cell">
                  <span className="bar" style={{ width: `${Math.min(100, 100 * (g.progress ?? 0))}%`, background: g.status === 'off-track' ? '#d97706' : undefined }} />
                </td>
                <td className="num">{show(g.previous, g.unit)}</td>
                <td>
                  <span className={STATUS[g.status].pill} role={g.status === 'off-track' ? 'alert' : undefined}>
                    {STATUS[g.status].label}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function show(value: number | null, unit: GoalProgress['unit']): string {
  if (value === null) return '—';
  const n = Math.round(value * 10) / 10;
  return unit === '%' ? `${n}%` : unit === 'days' ? `${n} d` : String(n);
}
