import type { ReactNode } from 'react';
import type { Account } from '../../../src/core/records';
import { Link } from '../router';
import { Avatar } from './avatar';
import { Empty } from './page-states';
import { PlanBadge } from './plan-badge';

/** A few accounts, each with one figure that explains why it is on the list. */
export function AccountShortlist({ accounts, figure, empty }: { accounts: Account[]; figure: (account: Account) => ReactNode; empty: string }) {
  if (accounts.length === 0) return <Empty title={empty} />;
  return (
    <ul className="shortlist">
      {accounts.map((account) => (
        <li key={account.groupId}>
          <Link to={`/accounts/${encodeURIComponent(account.groupId)}`} className="entity">
            <Avatar name={account.name ?? account.groupId} size={26} square />
            <span className="entity-name">{account.name ?? account.groupId}</span>
          </Link>
          <PlanBadge plan={account.plan} />
          <span className="shortlist-figure">{figure(account)}</span>
        </li>
      ))}
    </ul>
  );
}
