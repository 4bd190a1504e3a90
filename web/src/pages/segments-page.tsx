import { Empty, Failure, Loading } from '../components/page-states';
import { useSegmentsApi } from '../components/segment-api-context';
import { SubjectBadge } from '../components/segment-subject-badge';
import { formatInteger } from '../format';
import { Link, navigate } from '../router';
import { useResource } from '../use-resource';

/** Every segment in force with who it holds; a new one is built from here. */
export function SegmentsPage() {
  const api = useSegmentsApi();
  const segments = useResource(() => api.list(), 'segments');

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Segments</h1>
          <p className="muted">Who belongs, by traits, events and activity; kept current as data arrives</p>
        </div>
        <Link to="/segments/new" className="button button-primary">
          New segment
        </Link>
      </header>
      {segments.status === 'loading' && <Loading />}
      {segments.status === 'error' && <Failure error={segments.error} onRetry={segments.reload} />}
      {segments.status === 'ready' && (
        <section className="card card-flush">
          <div className="card-header card-header-padded">
            <h2>Segments</h2>
            <span className="count">{segments.data.items.length}</span>
          </div>
          {segments.data.items.length === 0 ? (
            <Empty title="No segments yet" />
          ) : (
            <div className="table-scroll">
              <table className="table" aria-label="Segments">
                <thead>
                  <tr>
                    <th>Segment</th>
                    <th>Subject</th>
                    <th className="num">Members</th>
                  </tr>
                </thead>
                <tbody>
                  {[...segments.data.items]
                    .sort((a, b) => a.name.localeCompare(b.name))
                    .map((segment) => {
                      const to = `/segments/${encodeURIComponent(segment.id)}`;
                      return (
                        <tr key={segment.id} className="row-link" onClick={(event) => !(event.target as HTMLElement).closest('a') && navigate(to)}>
                          <td className="segment-name-cell">
                            <Link to={to} className="entity">
                              <span>
                                <span className="entity-name">{segment.name}</span>
                                <span className="entity-sub">{segment.description || segment.id}</span>
                              </span>
                            </Link>
                          </td>
                          <td>
                            <SubjectBadge subject={segment.subject} />
                          </td>
                          <td className="num strong">{formatInteger(segments.data.memberCounts[segment.id] ?? 0)}</td>
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
