import { createJourneyMapApi, type JourneyMap } from '../api-client';
import { useApiPart } from '../api-context';
import { channelLook } from '../channels';
import { formatInteger, formatPercent, humanize } from '../format';
import { useResource } from '../use-resource';
import { CsvDownload } from './csv-download';
import { Failure, Loading } from './page-states';

/** Red for negative emotion, green for positive, grey where nobody rated. */
function emotionColor(emotion: number | null): string | undefined {
  if (emotion === null) return undefined;
  const strength = Math.min(1, Math.abs(emotion));
  return emotion < 0 ? `rgba(220, 38, 38, ${(0.12 + 0.5 * strength).toFixed(2)})` : `rgba(22, 163, 74, ${(0.12 + 0.5 * strength).toFixed(2)})`;
}

/** Stages across, touchpoints down: how much happens where, how it feels, and where it hurts. */
export function JourneyMapCard({ frameworkId }: { frameworkId: string }) {
  const maps = useApiPart(createJourneyMapApi);
  const map = useResource(() => maps.of(frameworkId, 'interval=month&periods=12'), frameworkId);
  return (
    <section className="card card-flush" aria-label="Journey map">
      {map.status === 'loading' && <Loading />}
      {map.status === 'error' && <Failure error={map.error} onRetry={map.reload} />}
      {map.status === 'ready' && <MapView map={map.data} />}
    </section>
  );
}

function MapView({ map }: { map: JourneyMap }) {
  const rows = [...new Set(map.touchpoints.map((t) => `${t.channel}\n${t.category}`))];
  const cell = (row: string, stage: string) => map.touchpoints.find((t) => `${t.channel}\n${t.category}` === row && t.stage === stage);
  const csv = [['stage', 'channel', 'category', 'volume', 'subjects', 'emotion'], ...map.touchpoints.map((t) => [t.stage, t.channel, t.category, t.volume, t.subjects, t.emotion === null ? null : Number(t.emotion.toFixed(3))])];
  return (
    <>
      <div className="card-header card-header-padded">
        <h2>Journey map</h2>
        <span className="muted small">Interactions in each stage by channel and kind; colour is the emotion there (red negative, green positive).</span>
        <span className="spacer" />
        <CsvDownload rows={csv} filename={`${map.framework.id}-journey-map.csv`} />
      </div>
      {map.painPoints.length > 0 && (
        <ul className="pain-points" aria-label="Pain points">
          {map.painPoints.slice(0, 5).map((p) => (
            <li key={`${p.stage}-${p.channel}-${p.category}`}>
              <strong>{map.stages.find((s) => s.stage === p.stage)?.name ?? p.stage}</strong>
              {p.channel && ` · ${channelLook(p.channel).label}`}: {p.reason}
            </li>
          ))}
        </ul>
      )}
      <div className="table-scroll">
        <table className="table journey-map" aria-label="Journey map">
          <thead>
            <tr>
              <th>Touchpoint</th>
              {map.stages.map((s) => (
                <th key={s.stage} className="num">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="map-stage-row">
              <td className="muted">Reached · drop-off</td>
              {map.stages.map((s, k) => (
                <td key={s.stage} className="num" style={{ background: emotionColor(s.emotion) }}>
                  {formatInteger(s.reached)}
                  {k > 0 && s.conversion !== null && <span className="muted small"> · {formatPercent(1 - s.conversion)} lost</span>}
                </td>
              ))}
            </tr>
            {rows.map((row) => {
              const [channel, category] = row.split('\n') as [string, string];
              return (
                <tr key={row}>
                  <td>
                    {channelLook(channel).label} <span className="muted">· {humanize(category)}</span>
                  </td>
                  {map.stages.map((s) => {
                    const t = cell(row, s.stage);
                    return (
                      <td key={s.stage} className="num" style={{ background: emotionColor(t?.emotion ?? null) }} title={t && t.emotion !== null ? `emotion ${t.emotion.toFixed(2)} over ${t.rated} rated` : undefined}>
                        {t ? formatInteger(t.volume) : '·'}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
