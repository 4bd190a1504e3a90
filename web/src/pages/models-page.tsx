import { useEffect, useMemo, useState } from 'react';
import { createModelRulesApi, type ModelSummary } from '../api-client';
import { useApi, useApiPart } from '../api-context';
import { FlaggedAccounts } from '../components/flagged-accounts';
import { ModelEconomicsChart } from '../components/model-economics-chart';
import { ModelMovesChart } from '../components/model-moves-chart';
import { ModelsTable } from '../components/models-table';
import { Empty, Failure, Loading } from '../components/page-states';
import { RulesHistory } from '../components/rules-history';
import { RulesWhatIf } from '../components/rules-what-if';
import { useResource } from '../use-resource';

const MOVES_DAYS = 90;

/** The engagement models in force: what each serves and earns, the accounts that question theirs, and how the rules move accounts. */
export function ModelsPage() {
  const api = useApi();
  const rulesApi = useApiPart(createModelRulesApi);
  const [applied, setApplied] = useState(0);
  const economics = useResource(() => api.models(), `models-${applied}`);
  const inForce = useResource(() => rulesApi.inForce(), 'rules');
  const moves = useResource(() => rulesApi.moves(MOVES_DAYS), `moves-${applied}`);
  const history = useResource(() => rulesApi.history(20), `history-${applied}`);

  // The what-if panel outlives a reload of the economics, so it keeps its result after Apply.
  const [models, setModels] = useState<ModelSummary[] | null>(null);
  useEffect(() => {
    if (economics.status === 'ready') setModels(economics.data.models);
  }, [economics.status, economics.data]);
  const modelIds = useMemo(() => (models ?? []).map((m) => m.model.id), [models]);
  const modelName = (id: string) => models?.find((m) => m.model.id === id)?.model.name ?? id;

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
      {models && (
        <>
          <div className="overview-lists">
            <section className="card">
              <div className="card-header">
                <div>
                  <h2>Moves over time</h2>
                  <p className="muted small">Accounts that changed model per day, last {MOVES_DAYS} days, by the model they moved to</p>
                </div>
              </div>
              {moves.status === 'loading' && <Loading />}
              {moves.status === 'error' && <Failure error={moves.error} onRetry={moves.reload} />}
              {moves.status === 'ready' &&
                (moves.data.items.length > 0 ? (
                  <ModelMovesChart moves={moves.data} modelIds={modelIds} modelName={modelName} />
                ) : (
                  <Empty title={`No account changed model in the last ${MOVES_DAYS} days`}>A first assignment is not a move; a change of rules or an escalation is.</Empty>
                ))}
            </section>
            <section className="card">
              <div className="card-header">
                <h2>Rule changes</h2>
                {history.status === 'ready' && history.data.items.length > 0 && <span className="count">{history.data.items.length}</span>}
              </div>
              {history.status === 'loading' && <Loading />}
              {history.status === 'error' && <Failure error={history.error} onRetry={history.reload} />}
              {history.status === 'ready' && <RulesHistory items={history.data.items} />}
            </section>
          </div>
          <section className="card models-what-if">
            <div className="card-header">
              <div>
                <h2>What if</h2>
                <p className="muted small">Change the assignment rules, see which accounts would move and what it does to the economics, then apply</p>
              </div>
            </div>
            {inForce.status === 'loading' && <Loading />}
            {inForce.status === 'error' && <Failure error={inForce.error} onRetry={inForce.reload} />}
            {inForce.status === 'ready' && <RulesWhatIf rulesApi={rulesApi} inForce={inForce.data} modelIds={modelIds} modelName={modelName} onApplied={() => setApplied((n) => n + 1)} />}
          </section>
        </>
      )}
    </div>
  );
}
