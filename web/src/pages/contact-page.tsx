import type { Account, Contact } from '../../../src/core/records';
import { useApi } from '../api-context';
import { Avatar } from '../components/avatar';
import { LifetimeValueCard } from '../components/lifetime-value-card';
import { StagesCard } from '../components/stages-card';
import { Failure, Loading } from '../components/page-states';
import { PlanBadge } from '../components/plan-badge';
import { PropertyList, TraitList } from '../components/property-list';
import { Timeline } from '../components/timeline';
import { formatDay, formatValue } from '../format';
import { Link } from '../router';
import { useResource } from '../use-resource';

const SHOWN_TRAITS = ['name', 'firstName', 'lastName', 'email', 'title', 'locale', 'timezone'];
// A person in more accounts than this is rare; the rest are listed by id alone.
const NAMED_ACCOUNTS = 10;

/** One person: who they are, their accounts, and everything they did or were sent. */
export function ContactPage({ userId }: { userId: string }) {
  const api = useApi();
  const contact = useResource(() => api.contact(userId), userId);
  return (
    <div className="page">
      {contact.status !== 'ready' && <Breadcrumbs name={userId} account={null} />}
      {contact.status === 'loading' && <Loading />}
      {contact.status === 'error' && <Failure error={contact.error} onRetry={contact.reload} />}
      {contact.status === 'ready' && <ContactView userId={userId} contact={contact.data} />}
    </div>
  );
}

function ContactView({ userId, contact }: { userId: string; contact: Contact }) {
  const api = useApi();
  const name = contact.name ?? contact.email ?? userId;
  const title = contact.traits['title'];
  const named = contact.accounts.slice(0, NAMED_ACCOUNTS);
  const accounts = useResource(() => Promise.all(named.map((groupId) => api.account(groupId))), named.join('\n'));
  const first = contact.accounts[0];
  return (
    <>
      <Breadcrumbs name={name} account={first ? { groupId: first, name: accounts.data?.[0]?.name ?? first } : null} />
      <header className="entity-header">
        <Avatar name={name} size={48} />
        <div>
          <h1>{name}</h1>
          <p className="muted">{[title === undefined ? null : formatValue(title), contact.email].filter(Boolean).join(' · ')}</p>
        </div>
      </header>
      <div className="detail-grid">
        <div className="detail-main">
          <section className="card">
            <Timeline load={(query) => api.contactTimeline(userId, query)} people={new Map([[userId, { name }]])} />
          </section>
        </div>
        <aside className="detail-side" aria-label="Contact details">
          <section className="card">
            <h2 className="card-title">Accounts</h2>
            <ContactAccounts groupIds={contact.accounts} accounts={accounts.data ?? []} />
          </section>
          <LifetimeValueCard userId={userId} />
          <StagesCard subject="contact" id={userId} />
          <section className="card">
            <h2 className="card-title">Details</h2>
            <PropertyList
              rows={[
                ['E-mail', contact.email ? <BreakableEmail email={contact.email} /> : null],
                ['Title', title === undefined ? null : formatValue(title)],
                ['Locale', contact.locale],
                ['Time zone', contact.timezone],
                ['User IDs', contact.userIds.length ? <span className="mono">{contact.userIds.join(', ')}</span> : null],
                ['Anonymous IDs', contact.anonymousIds.length ? <span className="mono">{contact.anonymousIds.join(', ')}</span> : null],
                ['First seen', formatDay(contact.createdAt)],
              ]}
            />
          </section>
          <section className="card">
            <h2 className="card-title">Traits</h2>
            <TraitList traits={contact.traits} shown={SHOWN_TRAITS} />
          </section>
        </aside>
      </div>
    </>
  );
}

/** "Accounts / Ironbridge Industries / Grace Bennett": the way back to the contact's (first) account. */
function Breadcrumbs({ name, account }: { name: string; account: { groupId: string; name: string } | null }) {
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumbs">
      <Link to="/accounts">Accounts</Link>
      {account && (
        <>
          <span className="sep">/</span>
          <Link to={`/accounts/${encodeURIComponent(account.groupId)}`}>{account.name}</Link>
        </>
      )}
      <span className="sep">/</span>
      <span>{name}</span>
    </nav>
  );
}

/** The contact's accounts by name, for those already loaded; by group id otherwise. */
function ContactAccounts({ groupIds, accounts }: { groupIds: string[]; accounts: Account[] }) {
  if (groupIds.length === 0) return <p className="muted small">Not in any account.</p>;
  return (
    <ul className="account-links">
      {groupIds.map((groupId) => {
        const account = accounts.find((a) => a.groupId === groupId);
        const name = account?.name ?? groupId;
        return (
          <li key={groupId}>
            <Link to={`/accounts/${encodeURIComponent(groupId)}`} className="entity">
              <Avatar name={name} size={24} square />
              <span className="entity-name">{name}</span>
            </Link>
            {account && <PlanBadge plan={account.plan} />}
          </li>
        );
      })}
    </ul>
  );
}

/** An e-mail address that wraps at the "@" rather than mid-word when the column is narrow. */
function BreakableEmail({ email }: { email: string }) {
  const at = email.indexOf('@');
  if (at < 0) return <>{email}</>;
  return (
    <>
      {email.slice(0, at)}
      <wbr />
      {email.slice(at)}
    </>
  );
}
