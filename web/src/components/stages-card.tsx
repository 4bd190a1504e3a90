import { createFrameworksApi, type SubjectStages } from '../api-client';
import { useApiPart } from '../api-context';
import { formatDay } from '../format';
import { Link } from '../router';
import { useResource } from '../use-resource';
import { Failure, Loading } from './page-states';
import { PropertyList } from './property-list';

/** A contact's or account's current stage in each framework of its kind, and since when. */
export function StagesCard({ subject, id }: { subject: 'contact' | 'account'; id: string }) {
  const frameworks = useApiPart(createFrameworksApi);
  const stages = useResource(() => (subject === 'contact' ? frameworks.ofContact(id) : frameworks.ofAccount(id)), `${subject}-${id}`);
  return (
    <section className="card" aria-label="Framework stages">
      <h2 className="card-title">Stages</h2>
      {stages.status === 'loading' && <Loading />}
      {stages.status === 'error' && <Failure error={stages.error} onRetry={stages.reload} />}
      {stages.status === 'ready' && (stages.data.items.length === 0 ? <p className="muted small">No framework for {subject}s.</p> : <PropertyList rows={stages.data.items.map((item) => [item.framework.name.replace(/ \(.*\)$/, ''), describe(item)])} />)}
    </section>
  );
}

function describe(item: SubjectStages) {
  const stage = item.stages.find((s) => s.id === item.current?.stage);
  if (!stage || !item.current) return null;
  return (
    <Link to={`/frameworks?framework=${encodeURIComponent(item.framework.id)}`}>
      {stage.name}, since {formatDay(item.current.since)}
    </Link>
  );
}
