import { useState } from 'react';
import type { MetricsApi, RetentionTable } from '../api-client';
import { formatInteger, formatPercent, formatShortDay, formatShortMonth } from '../format';
import { useResource } from '../use-resource';
import { heatStyle } from './chart-style';
import { CsvDownload } from './csv-download';
import { Failure, Loading } from './page-states';
import { SegmentedControl } from './segmented-control';

const INTERVALS = [
  { value: 'week', label: 'Weekly' },
  { value: 'month', label: 'Monthly' },
];
const COHORTS = [
  { value: 'signup', label: 'By sign-up' },
  { value: 'first-purchase', label: 'By first purchase' },
];
const PERIODS = 12;

/** Cohorts down, periods since across, each cell shaded by the share of the cohort still active. */
export function RetentionHeatmap({ metrics }: { metrics: MetricsApi }) {
  const [interval, setInterval] = useState('week');
  const [cohort, setCohort] = useState('signup');
  const table = useResource(() => metrics.retention(`interval=${interval}&cohort=${cohort}&periods=${PERIODS}`), `${interval}-${cohort}`);
  return (
    <section className="card card-flush" aria-label="Retention cohorts">
      <div className="card-header card-header-padded">
        <h2>Retention</h2>
        <span className="spacer" />
        <SegmentedControl label="Cohorts" options={COHORTS} value={cohort} onChange={setCohort} />
        <SegmentedControl label="Interval" options={INTERVALS} value={interval} onChange={setInterval} />
        {table.status === 'ready' && <CsvDownload rows={csvRows(table.data)} filename={`retention-${cohort}-${interval}.csv`} />}
      </div>
      {table.status === 'loading' && <Loading />}
      {table.status === 'error' && <Failure error={table.error} onRetry={table.reload} />}
      {table.status === 'ready' && <Heatmap table={table.data} />}
    </section>
  );
}

function Heatmap({ table }: { table: RetentionTable }) {
  const label = table.interval === 'month' ? formatShortMonth : formatShortDay;
  const unit = table.interval === 'month' ? 'Month' : 'Week';
  return (
    <div className="table-scroll">
      <table className="table heatmap" aria-label="Retention by cohort">
        <thead>
          <tr>
            <th>Cohort</th>
            <th className="num">Contacts</th>
            {table.cohorts.map((_, k) => (
              <th key={k} className="num">
                {unit} {k}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.cohorts.map((row) => (
            <tr key={row.start}>
              <td>{label(row.start)}</td>
              <td className="num">{formatInteger(row.size)}</td>
              {table.cohorts.map((_, k) => {
                const rate = row.rates[k];
                if (rate === undefined) return <td key={k} />;
                return (
                  <td key={k} className="num heat" style={heatStyle(rate)} title={rate === null ? undefined : `${formatInteger(row.active[k] ?? 0)} of ${formatInteger(row.size)}`}>
                    {rate === null ? '·' : formatPercent(rate)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function csvRows(table: RetentionTable): (string | number | null)[][] {
  return [
    ['cohort', 'contacts', ...table.cohorts.map((_, k) => `${table.interval}_${k}`)],
    ...table.cohorts.map((row) => [new Date(row.start).toISOString().slice(0, 10), row.size, ...row.rates.map((r) => (r === null ? null : Number(r.toFixed(4))))]),
  ];
}
