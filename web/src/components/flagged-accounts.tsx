import type { EconomicsFlag } from '../../../src/core/models/economics';
import type { FlaggedAccount } from '../api-client';
import { formatCurrency } from '../format';
import { Link } from '../router';
import { Empty } from './page-states';

const FLAG_LOOKS: Record<EconomicsFlag['kind'], { label: string; tone: string }> = {
  'high-touch-not-justified': { label: 'High touch not justified', tone: 'red' },
  'warrants-more-touch': { label: 'Warrants more touch', tone: 'amber' },
};

/** Accounts whose economics question their model, with the model and every reason. */
export function FlaggedAccounts({ flagged, modelName }: { flagged: FlaggedAccount[]; modelName: (modelId: string) => string }) {
  if (flagged.length === 0) return <Empty title="No account's model is questioned by its economics" />;
  return (
    <ul className="flagged-list" aria-label="Flagged accounts">
      {flagged.map((account) => (
        <li key={account.groupId}>
          <div className="flagged-head">
            <Link to={`/accounts/${encodeURIComponent(account.groupId)}`} className="entity-name">
              {account.name ?? account.groupId}
            </Link>
            <span className="shortlist-figure">{formatCurrency(account.economics.revenue)}/mo</span>
          </div>
          <div className="muted small">{modelName(account.modelId)}</div>
          {account.flags.map((flag) => (
            <p key={flag.kind} className="flag">
              <span className={`pill pill-${FLAG_LOOKS[flag.kind].tone}`}>{FLAG_LOOKS[flag.kind].label}</span>
              <span className="muted">{flag.reason}</span>
            </p>
          ))}
        </li>
      ))}
    </ul>
  );
}
