import { createMetricsApi, type ConversionSeries, type MetricsApi, type RevenueSeries, type SurveyScores, type TimeToValueSeries, type ReferralSeries, type ReviewSeries } from '../api-client';
import { useApiPart } from '../api-context';
import { CsvDownload } from '../components/csv-download';
import { Failure, Loading } from '../components/page-states';
import { RetentionHeatmap } from '../components/retention-heatmap';
import { EngagementTable } from '../components/engagement-table';
import { GoalsCard } from '../components/goals-card';
import { HealthTable } from '../components/health-table';
import { SegmentedControl } from '../components/segmented-control';
import { Sparkline } from '../components/sparkline';
import { StatCard } from '../components/stat-card';
import { formatCurrency, formatInteger, formatPercent, formatShortMonth } from '../format';
import { navigate, useLocation } from '../router';
import { useResource } from '../use-resource';

const DAY = 86_400_000;
const RANGES = [
  { value: '6', label: '6 months' },
  { value: '12', label: '12 months' },
  { value: '24', label: '24 months' },
];

interface Kpis {
  nps: SurveyScores;
  csat: SurveyScores;
  conversion: ConversionSeries;
  revenue: RevenueSeries;
  timeToValue: TimeToValueSeries;
  referrals: ReferralSeries;
  reviews: ReviewSeries;
}

async function loadKpis(metrics: MetricsApi, months: number): Promise<Kpis> {
  const query = `interval=month&periods=${months}`;
  const [nps, csat, conversion, revenue, timeToValue, referrals, reviews] = await Promise.all([
    metrics.survey('nps', query),
    metrics.survey('csat', query),
    metrics.conversion(query),
    metrics.revenue(query),
    metrics.timeToValue(query),
    metrics.referrals(query),
    metrics.reviews(query),
  ]);
  return { nps, csat, conversion, revenue, timeToValue, referrals, reviews };
}

const percent = (share: number | null) => (share === null ? '—' : formatPercent(share));
const days = (ms: number | null) => (ms === null ? '—' : `${(ms / DAY).toFixed(1)} d`);
const score = (value: number | null) => (value === null ? '—' : value.toFixed(0));

/** KPIs month by month, cohort retention, revenue retention and where customers come from. */
export function MetricsPage() {
  const metrics = useApiPart(createMetricsApi);
  const { search } = useLocation();
  const requested = new URLSearchParams(search).get('months') ?? '12';
  const months = RANGES.some((r) => r.value === requested) ? Number(requested) : 12;
  const kpis = useResource(() => loadKpis(metrics, months), String(months));
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Metrics</h1>
          <p className="muted">How engagement is doing: satisfaction, conversion, retention and revenue, month by month. Definitions in docs/metrics.md.</p>
        </div>
        <SegmentedControl label="Range" options={RANGES} value={String(months)} onChange={(value) => navigate(value === '12' ? '/metrics' : `/metrics?months=${value}`, { replace: true })} />
      </header>
      {kpis.status === 'loading' && <Loading />}
      {kpis.status === 'error' && <Failure error={kpis.error} onRetry={kpis.reload} />}
      <GoalsCard />
      {kpis.status === 'ready' && <KpiView kpis={kpis.data} />}
      <RetentionHeatmap metrics={metrics} />
      <EngagementTable />
      <HealthTable />
    </div>
  );
}

function KpiView({ kpis }: { kpis: Kpis }) {
  const { nps, csat, conversion, revenue, timeToValue, referrals } = kpis;
  const rows: { label: string; value: string; series: (number | null)[]; format: (v: number | null) => string; hint: string }[] = [
    { label: 'NPS', value: score(nps.score), series: nps.periods.map((p) => p.score), format: score, hint: `${formatInteger(nps.tally.responses)} responses` },
    { label: 'CSAT', value: csat.score !== null ? `${csat.score.toFixed(0)}%` : '—', series: csat.periods.map((p) => p.score), format: (v) => (v === null ? '—' : `${v.toFixed(0)}%`), hint: `${formatInteger(csat.tally.responses)} responses` },
    { label: 'Conversion rate', value: conversion.rate === null ? '—' : `${conversion.rate.toFixed(1)}%`, series: conversion.periods.map((p) => p.rate), format: (v) => (v === null ? '—' : `${v.toFixed(1)}%`), hint: `${formatInteger(conversion.conversions)} of ${formatInteger(conversion.visitors)} visitors` },
    { label: 'Net revenue retention', value: percent(revenue.total.netRevenueRetention), series: revenue.periods.map((p) => p.netRevenueRetention), format: percent, hint: `GRR ${percent(revenue.total.grossRevenueRetention)} over the range` },
    { label: 'Logo churn', value: percent(revenue.total.logoChurnRate), series: revenue.periods.map((p) => p.logoChurnRate), format: percent, hint: `${formatInteger(revenue.total.churnedAccounts)} of ${formatInteger(revenue.total.accountsAtStart)} paying accounts` },
    { label: 'Time to value', value: days(timeToValue.medianMs), series: timeToValue.periods.map((p) => (p.medianMs === null ? null : p.medianMs / DAY)), format: (v) => (v === null ? '—' : `${v.toFixed(1)} d`), hint: `median; ${percent(timeToValue.activationRate)} activated` },
    { label: 'New customers', value: formatInteger(referrals.newCustomers), series: referrals.periods.map((p) => p.newCustomers), format: (v) => (v === null ? '—' : formatInteger(v)), hint: `${formatInteger(referrals.referralsSent)} referrals sent` },
    { label: 'Lifetime value', value: revenue.historical.lifetimeValue === null ? '—' : formatCurrency(revenue.historical.lifetimeValue), series: [], format: () => '', hint: `ARPA ${revenue.historical.averageRevenuePerAccount === null ? '—' : formatCurrency(revenue.historical.averageRevenuePerAccount)} / monthly churn ${percent(revenue.historical.monthlyChurnRate)}` },
  ];
  const periods = nps.periods;
  const table = [['KPI', ...periods.map((p) => new Date(p.start).toISOString().slice(0, 7))], ...rows.filter((r) => r.series.length).map((r) => [r.label, ...r.series.map((v) => (v === null ? null : Number(v.toFixed(4))))])];
  return (
    <>
      <section className="stats" aria-label="KPIs">
        {rows.map((r) => (
          <StatCard key={r.label} label={r.label} value={r.value} hint={<>{r.series.length > 0 && <Sparkline values={r.series} label={`${r.label} by month`} />}{r.hint}</>} />
        ))}
      </section>
      <section className="card card-flush" aria-label="KPIs by month">
        <div className="card-header card-header-padded">
          <h2>KPIs by month</h2>
          <span className="spacer" />
          <CsvDownload rows={table} filename="kpis-by-month.csv" />
        </div>
        <div className="table-scroll">
          <table className="table" aria-label="KPIs by month">
            <thead>
              <tr>
                <th>KPI</th>
                {periods.map((p) => (
                  <th key={p.start} className="num">
                    {formatShortMonth(p.start)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows
                .filter((r) => r.series.length)
                .map((r) => (
                  <tr key={r.label}>
                    <td>{r.label}</td>
                    {r.series.map((v, i) => (
                      <td key={i} className="num">
                        {r.format(v)}
                      </td>
                    ))}
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </section>
      <RevenueTable revenue={revenue} />
      <div className="overview-lists">
        <SourcesTable title="Where new customers come from" rows={kpis.referrals.sources.map((s) => [s.source, formatInteger(s.count), formatPercent(s.share)])} header={['Source', 'Customers', 'Share']} filename="acquisition-sources.csv" />
        <SourcesTable title="Reviews by source" rows={kpis.reviews.sources.map((s) => [s.source, formatInteger(s.reviews), s.averageRating === null ? '—' : s.averageRating.toFixed(2), percent(s.positiveShare)])} header={['Source', 'Reviews', 'Average', 'Positive']} filename="reviews-by-source.csv" />
      </div>
    </>
  );
}

function RevenueTable({ revenue }: { revenue: RevenueSeries }) {
  const header = ['Month', 'Starting MRR', 'New', 'Expansion', 'Contraction', 'Churned', 'Ending MRR', 'GRR', 'NRR'];
  const rows = revenue.periods.map((p) => [new Date(p.start).toISOString().slice(0, 7), p.startingMrr, p.newMrr, p.expansionMrr, p.contractionMrr, p.churnedMrr, p.endingMrr, p.grossRevenueRetention, p.netRevenueRetention]);
  return (
    <section className="card card-flush" aria-label="Revenue retention">
      <div className="card-header card-header-padded">
        <h2>Revenue retention</h2>
        <span className="spacer" />
        <CsvDownload rows={[header, ...rows]} filename="revenue-retention.csv" />
      </div>
      <div className="table-scroll">
        <table className="table" aria-label="Revenue retention by month">
          <thead>
            <tr>
              {header.map((h, i) => (
                <th key={h} className={i ? 'num' : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {revenue.periods.map((p) => (
              <tr key={p.start}>
                <td>{formatShortMonth(p.start)}</td>
                {[p.startingMrr, p.newMrr, p.expansionMrr, -p.contractionMrr, -p.churnedMrr, p.endingMrr].map((v, i) => (
                  <td key={i} className={v === 0 ? 'num muted' : 'num'}>
                    {v === 0 && i > 0 && i < 5 ? '·' : formatCurrency(v)}
                  </td>
                ))}
                <td className="num">{percent(p.grossRevenueRetention)}</td>
                <td className="num">{percent(p.netRevenueRetention)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function SourcesTable({ title, header, rows, filename }: { title: string; header: string[]; rows: string[][]; filename: string }) {
  return (
    <section className="card card-flush" aria-label={title}>
      <div className="card-header card-header-padded">
        <h2>{title}</h2>
        <span className="spacer" />
        <CsvDownload rows={[header, ...rows]} filename={filename} />
      </div>
      {rows.length === 0 ? (
        <p className="muted small empty-note">None in this range.</p>
      ) : (
        <table className="table" aria-label={title}>
          <thead>
            <tr>
              {header.map((h, i) => (
                <th key={h} className={i ? 'num' : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row[0]}>
                {row.map((cell, i) => (
                  <td key={i} className={i ? 'num' : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
