import { useState } from 'react';
import { Failure, Loading } from '../components/page-states';
import { StatCard } from '../components/stat-card';
import { EditorSection } from '../editor/editor-section';
import { YamlSpecEditor } from '../editor/yaml-spec-editor';
import { formatInteger } from '../format';
import { Link } from '../router';
import { useResource } from '../use-resource';
import { JourneyFlow } from './journey-flow';
import { JourneyStatusBadge } from './journey-status-badge';
import { useJourneysApi } from './journeys-api-context';
import { describeTrigger } from './trigger-summary';

/**
 * One journey: its status (activate or pause it here), its runs, the flow of its steps with
 * live counts, and its definition, edited in place as YAML with each problem at its line.
 */
export function JourneyPage({ id }: { id: string }) {
  const api = useJourneysApi();
  const detail = useResource(() => api.get(id), `journey:${id}`);
  const [changing, setChanging] = useState(false);
  const [failure, setFailure] = useState<Error | null>(null);

  if (detail.status === 'loading') return <Loading />;
  if (detail.status === 'error') return <Failure error={detail.error} onRetry={detail.reload} />;
  const { journey, runs, steps, status } = detail.data;
  const toggle = async () => {
    setChanging(true);
    setFailure(null);
    try {
      await api.setStatus(id, status === 'active' ? 'paused' : 'active');
      detail.reload();
    } catch (error) {
      setFailure(error instanceof Error ? error : new Error(String(error)));
    } finally {
      setChanging(false);
    }
  };

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <p className="muted">
            <Link to="/journeys">Journeys</Link>
          </p>
          <h1>
            {journey.name} <JourneyStatusBadge status={status} />
          </h1>
          <p className="muted">{journey.description}</p>
          <p className="muted">
            For each {journey.subject} · trigger: {describeTrigger(journey.trigger)}
            {journey.goal ? ` · goal: ${journey.goal.event.name}` : ''}
            {'once' in journey.entry ? ` · once per ${journey.subject}` : ` · again after ${journey.entry.againAfter.days ?? 0} days`}
          </p>
        </div>
        <button type="button" className={`button ${status === 'active' ? '' : 'button-primary'}`} onClick={toggle} disabled={changing}>
          {status === 'active' ? 'Pause' : 'Activate'}
        </button>
      </header>
      {failure && <Failure error={failure} />}
      <div className="stats">
        <StatCard label="Entered" value={formatInteger(runs.entered)} testId="journey-entered" />
        <StatCard label="In it now" value={formatInteger(runs.waiting)} />
        <StatCard label="Completed" value={formatInteger(runs.completed)} />
        <StatCard label="Converted" value={formatInteger(runs.converted)} hint={runs.entered > 0 ? `${((runs.converted / runs.entered) * 100).toFixed(1)}% of entries` : undefined} />
        <StatCard label="Exited early" value={formatInteger(runs.exited)} />
      </div>
      <section className="card">
        <div className="card-header">
          <h2>Steps</h2>
        </div>
        <JourneyFlow steps={steps} />
      </section>
      <EditorSection label="Definition" openLabel="Edit definition">
        {() => <YamlSpecEditor label="Journey as YAML" spec={journey} check={(draft) => api.validate(draft)} save={(draft) => api.replace(id, draft)} onSaved={detail.reload} />}
      </EditorSection>
    </div>
  );
}
