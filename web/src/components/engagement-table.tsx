import { useState } from 'react';
import { createScoresApi, type EngagementList } from '../api-client';
import { useApiPart } from '../api-context';
import { Link } from '../router';
import { useResource } from '../use-resource';
import { CsvDownload } from './csv-download';
import { Failure, Loading } from './page-states';
import { SegmentedControl } from './segmented-control';

const TYPOLOGIES = [
  { value: 'ecs', label: 'Emotional · contextual · convenience · social' },
  { value: 'cebt', label: 'Cognitive · emotional · behavioral · transactional' },
];

/** Accounts by engagement score, each type a column, with the trend; all of them in the CSV. */
export function EngagementTable() {
  const scores = useApiPart(createScoresApi);
  const [typology, setTypology] = useState('ecs');
  const list = useResource(() => scores.list(`subject=account&typology=${typology}&limit=1000`), typology);
  return (
    <section className="card card-flush" aria-label="Engagement by account">
      <div className="card-header card-header-padded">
        <h2>Engagement by account</h2>
        <span className="spacer" />
        <SegmentedControl label="Typology" options={TYPOLOGIES} value={typology} onChange={setTypology} />
        {list.status === 'ready' && <CsvDownload rows={csvRows(list.data)} filename={`engagement-${typology}.csv`} />}
      </div>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <Failure error={list.error} onRetry={list.reload} />}
      {list.status === 'ready' && <Rows list={list.data} />}
    </section>
  );
}

const SHOWN = 10;

function Rows({ list }: { list: EngagementList }) {
  if (list.items.length === 0) return <p className="muted small empty-note">No interactions in the last {list.windowDays} days.</p>;
  const types = list.items[0]!.types;
  return (
    <div className="table-scroll">
      <table className="table" aria-label="Engagement scores">
        <thead>
          <tr>
            <th>Account</th>
            <th className="num">Score</th>
            <th className="num">Trend</th>
            {types.map((t) => (
              <th key={t.type} className="num">
                {t.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {list.items.slice(0, SHOWN).map((item) => (
            <tr key={item.subjectId} title={item.explanation}>
              <td>
                <Link to={`/accounts/${encodeURIComponent(item.subjectId)}`}>{item.name ?? item.subjectId}</Link>
              </td>
              <td className="num strong">{round(item.total)}</td>
              <td className={item.trend > 0 ? 'num trend up' : item.trend < 0 ? 'num trend down' : 'num trend'}>{item.trend > 0 ? `+${round(item.trend)}` : round(item.trend)}</td>
              {item.types.map((t) => (
                <td key={t.type} className="num">
                  {round(t.score)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small empty-note">
        The {Math.min(SHOWN, list.items.length)} most engaged of {list.total} accounts over the last {list.windowDays} days; the CSV has all.
      </p>
    </div>
  );
}

function csvRows(list: EngagementList): (string | number | null)[][] {
  const types = list.items[0]?.types ?? [];
  return [['account', 'name', 'score', 'trend', ...types.map((t) => t.type), 'explanation'], ...list.items.map((i) => [i.subjectId, i.name ?? null, round(i.total), round(i.trend), ...i.types.map((t) => round(t.score)), i.explanation])];
}

const round = (n: number) => Math.round(n * 10) / 10;
