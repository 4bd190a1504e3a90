import { Failure, Loading } from '../components/page-states';
import { formatInteger, humanize } from '../format';
import { useResource } from '../use-resource';
import { useWorkApi } from './work-api-context';

/** The team with each CSM's accounts against their capacity, fullest first. */
export function TeamLoad() {
  const api = useWorkApi();
  const team = useResource(() => api.team(), 'team');
  return (
    <section className="card" aria-label="Team load">
      <h2 className="card-title">Team</h2>
      {team.status === 'loading' && <Loading />}
      {team.status === 'error' && <Failure error={team.error} onRetry={team.reload} />}
      {team.status === 'ready' && (
        <ul className="team-load">
          {[...team.data.items]
            .sort((a, b) => b.accounts / Math.max(1, b.capacity) - a.accounts / Math.max(1, a.capacity))
            .map((member) => (
              <li key={member.id} data-testid="team-member">
                <div className="team-load-line">
                  <span>{member.name}</span>
                  <span className="muted">{member.role === 'csm' ? `${formatInteger(member.accounts)} / ${formatInteger(member.capacity)}` : humanize(member.role)}</span>
                </div>
                {member.role === 'csm' && (
                  <div className="load-bar" role="meter" aria-valuemin={0} aria-valuemax={member.capacity} aria-valuenow={member.accounts} aria-label={`${member.name}'s accounts`}>
                    <span className={member.accounts >= member.capacity ? 'full' : undefined} style={{ width: `${Math.min(100, (100 * member.accounts) / Math.max(1, member.capacity))}%` }} />
                  </div>
                )}
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
