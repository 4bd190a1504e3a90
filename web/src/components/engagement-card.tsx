import { useState } from 'react';
import { createScoresApi, type AccountEngagement } from '../api-client';
import { useApiPart } from '../api-context';
import { useResource } from '../use-resource';
import { Failure, Loading } from './page-states';
import { SegmentedControl } from './segmented-control';

/** An account's engagement by type, as bars with their points, the total, its trend and the formula in words. */
export function EngagementCard({ groupId }: { groupId: string }) {
  const scores = useApiPart(createScoresApi);
  const [typology, setTypology] = useState<string | undefined>(undefined);
  const engagement = useResource(() => scores.ofAccount(groupId, typology), `${groupId}-${typology ?? ''}`);
  return (
    <section className="card" aria-label="Engagement">
      <h2 className="card-title">Engagement</h2>
      {engagement.status === 'loading' && <Loading />}
      {engagement.status === 'error' && <Failure error={engagement.error} onRetry={engagement.reload} />}
      {engagement.status === 'ready' && <EngagementView engagement={engagement.data} onTypology={setTypology} />}
    </section>
  );
}

function EngagementView({ engagement, onTypology }: { engagement: AccountEngagement; onTypology: (id: string) => void }) {
  const { score } = engagement;
  return (
    <>
      {engagement.typologies.length > 1 && (
        <SegmentedControl label="Typology" options={engagement.typologies.map((t) => ({ value: t.id, label: t.name.split(',')[0]!.trim() + ' …' }))} value={engagement.typology.id} onChange={onTypology} />
      )}
      {!score ? (
        <p className="muted small">No interactions in the last {engagement.windowDays} days.</p>
      ) : (
        <>
          <div className="engagement-total">
            <strong>{round(score.total)}</strong>
            <span className={score.trend > 0 ? 'trend up' : score.trend < 0 ? 'trend down' : 'trend'}>
              {score.trend > 0 ? '▲' : score.trend < 0 ? '▼' : '·'} {round(Math.abs(score.trend))} vs the {engagement.windowDays} days before
            </span>
          </div>
          <table className="table engagement-types" aria-label="Engagement by type">
            <tbody>
              {score.types.map((t) => (
                <tr key={t.type}>
                  <td>{t.name}</td>
                  <td className="bar-cell">
                    <span className="bar" style={{ width: `${(100 * t.score) / t.maxPoints}%` }} />
                  </td>
                  <td className="num">
                    {round(t.score)} / {t.maxPoints}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">{score.explanation}</p>
        </>
      )}
    </>
  );
}

const round = (n: number) => String(Math.round(n * 10) / 10);
