import { createHealthApi, type AccountHealthItem, type HealthScoringSettings } from '../api-client';
import { useApiPart } from '../api-context';
import { useResource } from '../use-resource';
import { Failure, Loading } from './page-states';

export const MEASURE_NAMES = { usage: 'Product use', engagement: 'Engagement', support: 'Support load', feedback: 'Feedback', renewal: 'Renewal' } as const;
export const GRADE_PILLS = { A: 'pill pill-green', B: 'pill pill-green', C: 'pill pill-amber', D: 'pill pill-red', F: 'pill pill-red' } as const;

/** An account's health: its grade and score, the trend, and each measure with its weight. */
export function HealthCard({ groupId }: { groupId: string }) {
  const healthApi = useApiPart(createHealthApi);
  const health = useResource(() => healthApi.ofAccount(groupId), groupId);
  return (
    <section className="card" aria-label="Health">
      <h2 className="card-title">Health</h2>
      {health.status === 'loading' && <Loading />}
      {health.status === 'error' && <Failure error={health.error} onRetry={health.reload} />}
      {health.status === 'ready' && (health.data.health ? <HealthView health={health.data.health} scoring={health.data.scoring} /> : <p className="muted small">No data in the last {health.data.scoring.windowDays} days.</p>)}
    </section>
  );
}

function HealthView({ health, scoring }: { health: AccountHealthItem; scoring: HealthScoringSettings }) {
  return (
    <>
      <div className="engagement-total">
        {health.grade && <span className={GRADE_PILLS[health.grade]}>{health.grade}</span>}
        <strong>{Math.round(health.score ?? 0)}</strong>
        {health.trend !== null && (
          <span className={health.trend > 0 ? 'trend up' : health.trend < 0 ? 'trend down' : 'trend'}>
            {health.trend > 0 ? '▲' : health.trend < 0 ? '▼' : '·'} {Math.round(Math.abs(health.trend))} vs the {scoring.windowDays} days before
          </span>
        )}
      </div>
      <table className="table engagement-types" aria-label="Health by measure">
        <tbody>
          {(Object.keys(MEASURE_NAMES) as (keyof typeof MEASURE_NAMES)[]).map((m) => (
            <tr key={m}>
              <td>{MEASURE_NAMES[m]}</td>
              <td className="bar-cell">{health.measures[m] !== null && <span className="bar" style={{ width: `${health.measures[m]}%` }} />}</td>
              <td className="num">{health.measures[m] === null ? <span className="muted">no data</span> : Math.round(health.measures[m]!)}</td>
              <td className="num muted">×{scoring.weights[m]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
