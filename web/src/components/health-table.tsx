import { createHealthApi } from '../api-client';
import { useApiPart } from '../api-context';
import { Link } from '../router';
import { useResource } from '../use-resource';
import { CsvDownload } from './csv-download';
import { GRADE_PILLS, MEASURE_NAMES } from './health-card';
import { Failure, Loading } from './page-states';

const SHOWN = 10;
const MEASURES = Object.keys(MEASURE_NAMES) as (keyof typeof MEASURE_NAMES)[];
const round = (n: number | null) => (n === null ? null : Math.round(n));

/** The accounts in the worst health, with each measure; every account in the CSV. */
export function HealthTable() {
  const healthApi = useApiPart(createHealthApi);
  const list = useResource(() => healthApi.list('limit=1000'), 'health');
  const items = list.data?.items ?? [];
  const csv = [['account', 'name', 'grade', 'score', 'trend', ...MEASURES], ...items.map((i) => [i.groupId, i.name ?? null, i.grade, round(i.score), round(i.trend), ...MEASURES.map((m) => round(i.measures[m]))])];
  return (
    <section className="card card-flush" aria-label="Account health">
      <div className="card-header card-header-padded">
        <h2>Accounts at risk</h2>
        <span className="muted small">Lowest health first</span>
        <span className="spacer" />
        {list.status === 'ready' && <CsvDownload rows={csv} filename="account-health.csv" />}
      </div>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <Failure error={list.error} onRetry={list.reload} />}
      {list.status === 'ready' && (
        <div className="table-scroll">
          <table className="table" aria-label="Health scores">
            <thead>
              <tr>
                <th>Account</th>
                <th>Grade</th>
                <th className="num">Score</th>
                <th className="num">Trend</th>
                {MEASURES.map((m) => (
                  <th key={m} className="num">
                    {MEASURE_NAMES[m]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.slice(0, SHOWN).map((i) => (
                <tr key={i.groupId}>
                  <td>
                    <Link to={`/accounts/${encodeURIComponent(i.groupId)}`}>{i.name ?? i.groupId}</Link>
                  </td>
                  <td>{i.grade && <span className={GRADE_PILLS[i.grade]}>{i.grade}</span>}</td>
                  <td className="num strong">{round(i.score)}</td>
                  <td className={i.trend !== null && i.trend < 0 ? 'num trend down' : 'num trend'}>{i.trend === null ? '—' : round(i.trend)}</td>
                  {MEASURES.map((m) => (
                    <td key={m} className="num">
                      {i.measures[m] === null ? '—' : round(i.measures[m])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
