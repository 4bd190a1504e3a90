import { Empty, Failure, Loading } from '../components/page-states';
import { formatInteger } from '../format';
import { Link, navigate } from '../router';
import { useResource } from '../use-resource';
import { useJourneysApi } from './journeys-api-context';
import { JourneyStatusBadge } from './journey-status-badge';
import { describeTrigger } from './trigger-summary';

/** Every journey in force: whether it runs, what starts it, and how many are in it. */
export function JourneysPage() {
  const api = useJourneysApi();
  const journeys = useResource(() => api.list(), 'journeys');

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Journeys</h1>
          <p className="muted">Automation that sends e-mail, in-app messages and webhooks, and hands work to people; the shipped playbooks start paused</p>
        </div>
      </header>
      {journeys.status === 'loading' && <Loading />}
      {journeys.status === 'error' && <Failure error={journeys.error} onRetry={journeys.reload} />}
      {journeys.status === 'ready' && (
        <section className="card card-flush">
          <div className="card-header card-header-padded">
            <h2>Journeys</h2>
            <span className="count">{journeys.data.items.length}</span>
          </div>
          {journeys.data.items.length === 0 ? (
            <Empty title="No journeys yet">Apply a Journey definition (touchpoint apply -f) to start one.</Empty>
          ) : (
            <div className="table-scroll">
              <table className="table" aria-label="Journeys">
                <thead>
                  <tr>
                    <th>Journey</th>
                    <th>Status</th>
                    <th>Trigger</th>
                    <th className="num">Entered</th>
                    <th className="num">In it now</th>
                    <th className="num">Converted</th>
                  </tr>
                </thead>
                <tbody>
                  {journeys.data.items.map((journey) => {
                    const to = `/journeys/${encodeURIComponent(journey.id)}`;
                    return (
                      <tr key={journey.id} className="row-link" onClick={(event) => !(event.target as HTMLElement).closest('a') && navigate(to)}>
                        <td>
                          <Link to={to} className="entity">
                            <span>
                              <span className="entity-name">{journey.name}</span>
                              <span className="entity-sub">{journey.description ?? journey.id}</span>
                            </span>
                          </Link>
                        </td>
                        <td>
                          <JourneyStatusBadge status={journey.status} />
                        </td>
                        <td className="muted">{describeTrigger(journey.trigger)}</td>
                        <td className="num strong">{formatInteger(journey.runs.entered)}</td>
                        <td className="num">{formatInteger(journey.runs.waiting)}</td>
                        <td className="num">{formatInteger(journey.runs.converted)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
