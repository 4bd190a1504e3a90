import { useApi } from '../api-context';
import { FlaggedAccounts } from '../components/flagged-accounts';
import { ModelEconomicsChart } from '../components/model-economics-chart';
import { ModelsTable } from '../components/models-table';
import { Empty, Failure, Loading } from '../components/page-states';
import { useResource } from '../use-resource';

/** The engagement models in force: what each serves and earns, and the accounts that question theirs. */
export function ModelsPage() {
  const api = useApi();
  const economics = useResource(() => api.models(), 'models');

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Engagement models</h1>
          <p className="muted">How each account is served, and whether its revenue justifies the cost to serve</p>
        </div>
      </header>
      {economics.status === 'loading' && <Loading />}
      {economics.status === 'error' && <Failure error={economics.error} onRetry={economics.reload} />}
      {economics.status === 'ready' && (
        <>
          <section className="card card-flush">
            <div className="card-header card-header-padded">
              <h2>Models</h2>
              <span className="count">{economics.data.models.length}</span>
              <span className="muted small card-header-note">Monthly figures</span>
            </div>
            <ModelsTable models={economics.data.models} />
          </section>
          <div className="overview-lists">
            <section className="card">
              <div className="card-header">
                <h2>Revenue and cost to serve</h2>
              </div>
              {economics.data.models.some((m) => m.economics.accounts > 0) ? (
                <ModelEconomicsChart models={economics.data.models} />
              ) : (
                <Empty title="No account is assigned a model yet" />
              )}
            </section>
            <section className="card">
              <div className="card-header">
                <h2>Flagged accounts</h2>
                {economics.data.flagged.length > 0 && <span className="count">{economics.data.flagged.length}</span>}
              </div>
              <FlaggedAccounts flagged={economics.data.flagged} modelName={(id) => economics.data.models.find((m) => m.model.id === id)?.model.name ?? id} />
            </section>
          </div>
        </>
      )}
    </div>
  );
}
