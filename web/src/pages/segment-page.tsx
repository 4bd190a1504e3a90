import { useState } from 'react';
import { ApiError, type SegmentWithCount } from '../api-client';
import { Empty, Failure, Loading } from '../components/page-states';
import { useSegmentsApi } from '../components/segment-api-context';
import { ConditionSummary } from '../components/segment-condition-summary';
import { MemberList, MemberName } from '../components/segment-member-list';
import { SubjectBadge } from '../components/segment-subject-badge';
import { StatCard } from '../components/stat-card';
import { formatDateTime, formatInteger, formatRelative } from '../format';
import { Link, navigate } from '../router';
import { useResource } from '../use-resource';

const HISTORY = 30;

/** One segment: what it says, who is in it now, and who entered and left lately. */
export function SegmentPage({ id }: { id: string }) {
  const api = useSegmentsApi();
  const segment = useResource(() => api.get(id), id);
  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to="/segments">Segments</Link>
        <span className="sep">/</span>
        <span>{segment.data?.segment.name ?? id}</span>
      </nav>
      {segment.status === 'loading' && <Loading />}
      {segment.status === 'error' && <Failure error={segment.error} onRetry={segment.reload} />}
      {segment.status === 'ready' && <SegmentView data={segment.data} />}
    </div>
  );
}

function SegmentView({ data: { segment, memberCount } }: { data: SegmentWithCount }) {
  const api = useSegmentsApi();
  const members = useResource(() => api.members(segment.id), `members:${segment.id}`);
  const history = useResource(() => api.history(segment.id, HISTORY), `history:${segment.id}`);
  const names = useResource(() => api.list(), 'segments');
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const segmentName = (id: string) => names.data?.items.find((s) => s.id === id)?.name ?? id;
  const now = Date.now();

  const remove = async () => {
    if (!window.confirm(`Delete the segment “${segment.name}”? Its members are removed; its history is kept.`)) return;
    try {
      await api.remove(segment.id);
      navigate('/segments');
    } catch (error) {
      setDeleteError(error instanceof ApiError ? error.message : String(error));
    }
  };

  return (
    <>
      <header className="page-header">
        <div>
          <h1>
            {segment.name} <SubjectBadge subject={segment.subject} />
          </h1>
          <p className="muted">{segment.description || segment.id}</p>
        </div>
        <div className="segment-actions">
          <button type="button" className="button" onClick={remove}>
            Delete
          </button>
          <Link to={`/segments/${encodeURIComponent(segment.id)}/edit`} className="button button-primary">
            Edit
          </Link>
        </div>
      </header>
      {deleteError && (
        <div className="form-error" role="alert">
          {deleteError}
        </div>
      )}

      <div className="detail-grid">
        <div className="detail-main">
          <section className="card card-flush">
            <div className="card-header card-header-padded">
              <h2>Members</h2>
              <span className="count" data-testid="segment-member-count">
                {formatInteger(memberCount)}
              </span>
            </div>
            {members.status === 'loading' && <Loading />}
            {members.status === 'error' && <Failure error={members.error} onRetry={members.reload} />}
            {members.status === 'ready' &&
              (members.data.subjects.length === 0 ? (
                <Empty title="No members right now">Members are kept current as data arrives.</Empty>
              ) : (
                <>
                  <MemberList subject={segment.subject} members={members.data.subjects} label="Members" />
                  {members.data.items.length > members.data.subjects.length && (
                    <div className="table-footer muted small">
                      Showing the first {formatInteger(members.data.subjects.length)} of {formatInteger(members.data.items.length)}
                    </div>
                  )}
                </>
              ))}
          </section>
        </div>
        <aside className="detail-side" aria-label="Segment details">
          <StatCard label="Members" value={formatInteger(memberCount)} hint={segment.subject === 'account' ? 'Accounts' : 'Contacts'} />
          <section className="card">
            <h2 className="card-title">Definition</h2>
            <div className="condition-summary">
              <ConditionSummary condition={segment.condition} segmentName={segmentName} />
            </div>
          </section>
          <section className="card">
            <h2 className="card-title">Recent changes</h2>
            {history.status === 'loading' && <Loading />}
            {history.status === 'error' && <Failure error={history.error} onRetry={history.reload} />}
            {history.status === 'ready' &&
              (history.data.items.length === 0 ? (
                <p className="muted small">Nobody has entered or left yet.</p>
              ) : (
                <ul className="segment-history" aria-label="Recent changes">
                  {history.data.items.map((change, index) => {
                    const member = history.data.subjects.find((s) => s.id === change.subjectId) ?? { id: change.subjectId, name: null, detail: null, key: null };
                    return (
                      <li key={`${change.subjectId}-${change.at}-${index}`}>
                        <span className={change.change === 'entered' ? 'pill pill-green' : 'pill pill-grey'}>{change.change === 'entered' ? 'Entered' : 'Left'}</span>
                        <MemberName subject={segment.subject} member={member} />
                        <span className="muted small segment-history-time" title={formatDateTime(change.at)}>
                          {formatRelative(change.at, now)}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              ))}
          </section>
        </aside>
      </div>
    </>
  );
}
