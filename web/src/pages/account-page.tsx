import { HealthCard } from '../components/health-card';
import { EngagementCard } from '../components/engagement-card';
import { StagesCard } from '../components/stages-card';
import { useMemo } from 'react';
import { useApi } from '../api-context';
import type { AccountWithContacts } from '../api-client';
import { Avatar } from '../components/avatar';
import { Failure, Loading } from '../components/page-states';
import { PlanBadge } from '../components/plan-badge';
import { PropertyList, TraitList } from '../components/property-list';
import { StatCard } from '../components/stat-card';
import { Timeline } from '../components/timeline';
import type { Person } from '../components/timeline-item';
import { ContactsTable } from '../components/contacts-table';
import { ModelCard } from '../components/model-card';
import { AccountTasks, ModelHistory, OwnerCard } from '../tasks/account-work';
import { formatCurrency, formatDay, formatInteger, formatRelative, humanize, nameFromEmail } from '../format';
import { Link } from '../router';
import { useResource } from '../use-resource';

// Traits the header and details already show, left out of "Other traits".
const SHOWN_TRAITS = ['name', 'plan', 'mrr', 'contractValue', 'industry', 'employees', 'complexity', 'renewalDate', 'owner', 'ownerEmail', 'ownerName', 'website'];

/** One account: who they are and pay, the people in it, and everything that happened. */
export function AccountPage({ groupId }: { groupId: string }) {
  const api = useApi();
  const account = useResource(() => api.account(groupId), groupId);
  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to="/accounts">Accounts</Link>
        <span className="sep">/</span>
        <span>{account.data?.name ?? groupId}</span>
      </nav>
      {account.status === 'loading' && <Loading />}
      {account.status === 'error' && <Failure error={account.error} onRetry={account.reload} />}
      {account.status === 'ready' && <AccountView account={account.data} onChanged={account.reload} />}
    </div>
  );
}

function AccountView({ account, onChanged }: { account: AccountWithContacts; onChanged: () => void }) {
  const api = useApi();
  const now = Date.now();
  const people = useMemo(() => {
    const map = new Map<string, Person>();
    for (const contact of account.contacts) if (contact.userId) map.set(contact.userId, { name: contact.name ?? contact.email ?? contact.userId });
    return map;
  }, [account.contacts]);
  const name = account.name ?? account.groupId;
  const website = typeof account.traits['website'] === 'string' ? account.traits['website'] : null;
  const ownerName = typeof account.traits['ownerName'] === 'string' ? account.traits['ownerName'] : account.ownerEmail && nameFromEmail(account.ownerEmail);

  return (
    <>
      <header className="entity-header">
        <Avatar name={name} size={48} square />
        <div>
          <h1>
            {name} <PlanBadge plan={account.plan} />
          </h1>
          <p className="muted">
            {[account.industry, account.employees === null ? null : `${formatInteger(account.employees)} employees`, account.groupId].filter(Boolean).join(' · ')}
          </p>
        </div>
      </header>

      <section className="stats" aria-label="Account figures">
        <StatCard testId="account-mrr" label="MRR" value={account.mrr === null ? '—' : formatCurrency(account.mrr)} hint={account.plan ? `${humanize(account.plan)} plan` : 'No plan'} />
        <StatCard testId="account-arr" label="Contract value (ARR)" value={account.contractValue === null ? '—' : formatCurrency(account.contractValue)} hint={typeof account.traits['billing'] === 'string' ? `Billed ${account.traits['billing']}` : 'Per year'} />
        <StatCard
          testId="account-renewal"
          label="Renewal"
          value={account.renewalDate === null ? '—' : formatDay(account.renewalDate)}
          hint={account.renewalDate === null ? 'No renewal date' : formatRelative(account.renewalDate, now)}
        />
        <StatCard label="Last seen" value={account.lastSeenAt === null ? 'Never' : formatRelative(account.lastSeenAt, now)} hint={`${formatInteger(account.contactCount)} ${account.contactCount === 1 ? 'contact' : 'contacts'}`} />
      </section>

      <div className="detail-grid">
        <div className="detail-main">
          <section className="card card-flush">
            <div className="card-header card-header-padded">
              <h2>Contacts</h2>
              <span className="count">{formatInteger(account.contacts.length)}</span>
            </div>
            <ContactsTable contacts={account.contacts} />
          </section>
          <section className="card">
            <Timeline load={(query) => api.accountTimeline(account.groupId, query)} people={people} />
          </section>
        </div>
        <aside className="detail-side" aria-label="Account details">
          <ModelCard model={account.model} />
          <OwnerCard groupId={account.groupId} owner={account.owner} escalation={account.escalation} onReassigned={onChanged} />
          <AccountTasks tasks={account.openTasks} />
          <ModelHistory groupId={account.groupId} />
          <HealthCard groupId={account.groupId} />
          <EngagementCard groupId={account.groupId} />
          <StagesCard subject="account" id={account.groupId} />
          <section className="card">
            <h2 className="card-title">Details</h2>
            <PropertyList
              rows={[
                ['Owner in CRM', ownerName ? <span title={account.ownerEmail ?? undefined}>{ownerName}</span> : null],
                ['Industry', account.industry],
                ['Employees', account.employees === null ? null : formatInteger(account.employees)],
                ['Complexity', account.complexity ? <span className={`complexity complexity-${account.complexity}`}>{humanize(account.complexity)}</span> : null],
                ['Website', website ? <a href={website} target="_blank" rel="noreferrer">{website.replace(/^https?:\/\/(www\.)?/, '')}</a> : null],
                ['First seen', formatDay(account.createdAt)],
                ['Group ID', <span className="mono">{account.groupId}</span>],
              ]}
            />
          </section>
          <section className="card">
            <h2 className="card-title">Other traits</h2>
            <TraitList traits={account.traits} shown={SHOWN_TRAITS} />
          </section>
        </aside>
      </div>
    </>
  );
}
