import { createFrameworksApi, type FrameworkFunnel } from '../api-client';
import { useApiPart } from '../api-context';
import { heatStyle } from '../components/chart-style';
import { CsvDownload } from '../components/csv-download';
import { FunnelChart } from '../components/funnel-chart';
import { JourneyMapCard } from '../components/journey-map-card';
import { Failure, Loading } from '../components/page-states';
import { SegmentedControl } from '../components/segmented-control';
import { formatInteger, formatPercent, formatShortMonth } from '../format';
import { navigate, useLocation } from '../router';
import { useResource } from '../use-resource';

const DAY = 86_400_000;
const percent = (share: number | null) => (share === null ? '—' : formatPercent(share));
const days = (ms: number | null) => (ms === null ? '—' : `${(ms / DAY).toFixed(1)} d`);

/** Each framework's funnel over the last 12 months: stages, conversion, drop-off, time in stage, and the entry cohorts. */
export function FrameworksPage() {
  const frameworks = useApiPart(createFrameworksApi);
  const list = useResource(() => frameworks.list(), 'frameworks');
  const { search } = useLocation();
  const chosen = new URLSearchParams(search).get('framework');
  const items = list.data?.items ?? [];
  const id = items.find((f) => f.id === chosen)?.id ?? items[0]?.id;
  const funnel = useResource(() => (id ? frameworks.funnel(id, 'interval=month&periods=12') : Promise.resolve(null)), id ?? '');
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Frameworks</h1>
          <p className="muted">Where customers are in AARRR, LAER, the decision journey and AIDAE: each stage reached in order, over the last 12 months.</p>
        </div>
        {items.length > 0 && id && <SegmentedControl label="Framework" options={items.map((f) => ({ value: f.id, label: f.name.replace(/ \(.*\)$/, '') }))} value={id} onChange={(value) => navigate(`/frameworks?framework=${value}`, { replace: true })} />}
      </header>
      {(list.status === 'loading' || funnel.status === 'loading') && <Loading />}
      {list.status === 'error' && <Failure error={list.error} onRetry={list.reload} />}
      {funnel.status === 'error' && <Failure error={funnel.error} onRetry={funnel.reload} />}
      {funnel.status === 'ready' && funnel.data && <FunnelView funnel={funnel.data} />}
      {id && <JourneyMapCard frameworkId={id} />}
    </div>
  );
}

function FunnelView({ funnel }: { funnel: FrameworkFunnel }) {
  const header = ['Stage', 'Reached', 'Conversion', 'Drop-off', 'There now', 'Median time in stage (days)'];
  const rows = funnel.stages.map((s) => [s.name, s.reached, s.conversion === null ? null : Number(s.conversion.toFixed(4)), s.dropOff, s.current, s.medianTimeInStageMs === null ? null : Number((s.medianTimeInStageMs / DAY).toFixed(2))]);
  const cohortHeader = ['Entered', 'Subjects', ...funnel.stages.map((s) => s.name)];
  const cohortRows = funnel.cohorts.map((c) => [new Date(c.start).toISOString().slice(0, 7), c.entered, ...c.stages.map((s) => (c.entered ? Number((s.reached / c.entered).toFixed(4)) : null))]);
  return (
    <>
      <section className="card" aria-label="Funnel">
        <div className="card-header">
          <div>
            <h2>{funnel.framework.name}</h2>
            <p className="muted small">
              {funnel.framework.description} {formatInteger(funnel.entered)} {funnel.framework.subject === 'account' ? 'accounts' : 'contacts'} entered.
              {funnel.loop && ` Loyalty loop: ${formatInteger(funnel.loop.looped)} came back to ${funnel.stages.find((s) => s.stage === funnel.loop!.to)?.name ?? funnel.loop.to} (${percent(funnel.loop.share)} of those who finished).`}
            </p>
          </div>
          <CsvDownload rows={[header, ...rows]} filename={`${funnel.framework.id}-funnel.csv`} />
        </div>
        <div className="funnel-layout">
          <FunnelChart stages={funnel.stages} label={`${funnel.framework.name} funnel`} />
          <table className="table" aria-label="Funnel stages">
            <thead>
              <tr>
                {header.map((h, i) => (
                  <th key={h} className={i ? 'num' : undefined}>
                    {h.replace(' (days)', '')}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {funnel.stages.map((s, i) => (
                <tr key={s.stage}>
                  <td>{s.name}</td>
                  <td className="num">{formatInteger(s.reached)}</td>
                  <td className="num">{i === 0 ? '' : percent(s.conversion)}</td>
                  <td className="num">{i === 0 ? '' : formatInteger(s.dropOff)}</td>
                  <td className="num">{formatInteger(s.current)}</td>
                  <td className="num">{days(s.medianTimeInStageMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card card-flush" aria-label="Funnel by entry cohort">
        <div className="card-header card-header-padded">
          <h2>By the month they entered</h2>
          <span className="spacer" />
          <CsvDownload rows={[cohortHeader, ...cohortRows]} filename={`${funnel.framework.id}-cohorts.csv`} />
        </div>
        <div className="table-scroll">
          <table className="table heatmap" aria-label="Funnel by entry cohort">
            <thead>
              <tr>
                {cohortHeader.map((h, i) => (
                  <th key={h} className={i ? 'num' : undefined}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {funnel.cohorts.map((c) => (
                <tr key={c.start}>
                  <td>{formatShortMonth(c.start)}</td>
                  <td className="num">{formatInteger(c.entered)}</td>
                  {c.stages.map((s) => {
                    const share = c.entered ? s.reached / c.entered : null;
                    return (
                      <td key={s.stage} className="num heat" style={heatStyle(share)}>
                        {percent(share)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
