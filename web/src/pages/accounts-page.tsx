import { useCallback } from 'react';
import { accountsApiParams, accountsSearch, defaultOrder, PAGE_SIZE, parseAccountsQuery, type AccountFilterName, type AccountsQuery, type AccountSortKey } from '../accounts-query';
import { useApi } from '../api-context';
import { Avatar } from '../components/avatar';
import { FilterSelect } from '../components/filter-select';
import { Empty, Failure, Loading } from '../components/page-states';
import { Pagination } from '../components/pagination';
import { PlanBadge } from '../components/plan-badge';
import { SearchInput } from '../components/search-input';
import { SortHeader } from '../components/sort-header';
import { formatCurrency, formatDay, formatInteger, formatRelative, humanize, nameFromEmail } from '../format';
import { Link, navigate, useLocation } from '../router';
import { useResource } from '../use-resource';

/** Every account, searchable, filterable and sortable; the state lives in the URL. */
export function AccountsPage() {
  const api = useApi();
  const { search } = useLocation();
  const query = parseAccountsQuery(search);
  const apiParams = accountsApiParams(query);
  const list = useResource(() => api.accounts(apiParams), apiParams.toString());
  const facets = useResource(() => api.accountFacets(), 'facets');

  // Any change but paging starts again at the first page.
  const update = (change: Partial<AccountsQuery>, options: { replace?: boolean } = {}) => navigate(`/accounts${accountsSearch({ ...query, offset: 0, ...change })}`, options);
  const setFilter = (name: AccountFilterName, value: string | undefined) => update({ filters: { ...query.filters, [name]: value } });
  const sortBy = (sort: AccountSortKey) => update({ sort, order: query.sort === sort ? (query.order === 'asc' ? 'desc' : 'asc') : defaultOrder(sort) });
  const onSearch = useCallback((q: string) => navigate(`/accounts${accountsSearch({ ...parseAccountsQuery(window.location.search), q, offset: 0 })}`, { replace: true }), []);
  const filtered = query.q !== '' || Object.values(query.filters).some(Boolean);
  const sortProps = (key: AccountSortKey) => ({ active: query.sort === key, order: query.order, onSort: () => sortBy(key) });
  const now = Date.now();

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Accounts</h1>
          <p className="muted">{list.status === 'ready' ? countLine(list.data.total, filtered) : 'Customer companies and their plans'}</p>
        </div>
      </header>

      <div className="toolbar">
        <SearchInput label="Search accounts" placeholder="Search by name or ID" value={query.q} onSearch={onSearch} />
        <div className="filters">
          <FilterSelect label="Plan" allLabel="All plans" options={facets.data?.plans ?? []} value={query.filters.plan} onChange={(v) => setFilter('plan', v)} format={humanize} />
          <FilterSelect label="Industry" allLabel="All industries" options={facets.data?.industries ?? []} value={query.filters.industry} onChange={(v) => setFilter('industry', v)} />
          <FilterSelect label="Complexity" allLabel="Any complexity" options={facets.data?.complexities ?? []} value={query.filters.complexity} onChange={(v) => setFilter('complexity', v)} format={humanize} />
          <FilterSelect label="Owner" allLabel="All owners" options={facets.data?.owners ?? []} value={query.filters.owner} onChange={(v) => setFilter('owner', v)} format={nameFromEmail} />
          {filtered && (
            <button type="button" className="button button-ghost" onClick={() => navigate(`/accounts${accountsSearch({ ...query, q: '', filters: {}, offset: 0 })}`)}>
              Clear
            </button>
          )}
        </div>
      </div>

      <section className="card card-flush">
        {list.status === 'loading' && <Loading />}
        {list.status === 'error' && <Failure error={list.error} onRetry={list.reload} />}
        {list.status === 'ready' && list.data.items.length === 0 && (
          <Empty title={filtered ? 'No accounts match' : 'No accounts yet'}>{filtered ? 'Try another search or fewer filters.' : 'Accounts appear when a Segment group call arrives at /v1/group.'}</Empty>
        )}
        {list.status === 'ready' && list.data.items.length > 0 && (
          <>
            <div className="table-scroll">
              <table className="table" aria-label="Accounts">
                <thead>
                  <tr>
                    <SortHeader {...sortProps('name')}>Account</SortHeader>
                    <th>Plan</th>
                    <SortHeader {...sortProps('mrr')} align="right">
                      MRR
                    </SortHeader>
                    <th>Industry</th>
                    <th>Owner</th>
                    <th className="num">Contacts</th>
                    <SortHeader {...sortProps('renewalDate')}>Renewal</SortHeader>
                    <SortHeader {...sortProps('lastSeenAt')}>Last seen</SortHeader>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((account) => {
                    const href = `/accounts/${encodeURIComponent(account.groupId)}`;
                    return (
                      <tr key={account.groupId} className="row-link" onClick={(e) => !(e.target as HTMLElement).closest('a') && navigate(href)}>
                        <td>
                          <Link to={href} className="entity">
                            <Avatar name={account.name ?? account.groupId} square size={26} />
                            <span>
                              <span className="entity-name">{account.name ?? account.groupId}</span>
                              <span className="entity-sub">{account.groupId}</span>
                            </span>
                          </Link>
                        </td>
                        <td>
                          <PlanBadge plan={account.plan} />
                        </td>
                        <td className="num strong">{account.mrr === null ? <span className="muted">—</span> : formatCurrency(account.mrr)}</td>
                        <td>{account.industry ?? <span className="muted">—</span>}</td>
                        <td className="truncate">{account.ownerEmail ? nameFromEmail(account.ownerEmail) : <span className="muted">Unassigned</span>}</td>
                        <td className="num">{formatInteger(account.contactCount)}</td>
                        <td>{account.renewalDate === null ? <span className="muted">—</span> : formatDay(account.renewalDate)}</td>
                        <td className="muted" title={account.lastSeenAt === null ? undefined : new Date(account.lastSeenAt).toLocaleString()}>
                          {account.lastSeenAt === null ? 'Never' : formatRelative(account.lastSeenAt, now)}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <Pagination offset={query.offset} limit={PAGE_SIZE} total={list.data.total} onOffset={(offset) => update({ offset })} />
          </>
        )}
      </section>
    </div>
  );
}

/** "200 accounts", or with a search or filter "1 account matches". */
function countLine(total: number, filtered: boolean): string {
  const noun = total === 1 ? 'account' : 'accounts';
  return `${formatInteger(total)} ${noun}${filtered ? (total === 1 ? ' matches' : ' match') : ''}`;
}
