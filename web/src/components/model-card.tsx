import type { AccountModel } from '../../../src/core/records';
import { formatDay, humanize } from '../format';

/** The account's engagement model, its phase and the reason it has them. */
export function ModelCard({ model }: { model: AccountModel | null }) {
  return (
    <section className="card" data-testid="account-model">
      <h2 className="card-title">Engagement model</h2>
      {model === null ? (
        <p className="muted">Not assigned yet.</p>
      ) : (
        <>
          <p className="model-name">
            <strong>{humanize(model.modelId)}</strong>
            <span className="muted"> · {humanize(model.phaseId)} since {formatDay(model.phaseSince)}</span>
          </p>
          <p className="model-reason">{model.reason}</p>
        </>
      )}
    </section>
  );
}
