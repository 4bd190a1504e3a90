/**
 * The accounts list's filters, sort and page, kept in the URL's query string so a reload,
 * the back button or a shared link shows the same list. Defaults are left out of the URL.
 */

export const ACCOUNT_FILTERS = ['plan', 'industry', 'complexity', 'owner'] as const;
export type AccountFilterName = (typeof ACCOUNT_FILTERS)[number];

export const SORTABLE = ['name', 'mrr', 'renewalDate', 'lastSeenAt'] as const;
export type AccountSortKey = (typeof SORTABLE)[number];
export type SortOrder = 'asc' | 'desc';

export const PAGE_SIZE = 50;

export interface AccountsQuery {
  q: string;
  filters: Partial<Record<AccountFilterName, string>>;
  sort: AccountSortKey;
  order: SortOrder;
  offset: number;
}

/** The order a column sorts in when first clicked: names A-Z, numbers and dates biggest/newest first. */
export function defaultOrder(sort: AccountSortKey): SortOrder {
  return sort === 'name' ? 'asc' : 'desc';
}

export function parseAccountsQuery(search: string): AccountsQuery {
  const params = new URLSearchParams(search);
  const sortParam = params.get('sort');
  const sort = SORTABLE.find((s) => s === sortParam) ?? 'name';
  const orderParam = params.get('order');
  const order = orderParam === 'asc' || orderParam === 'desc' ? orderParam : defaultOrder(sort);
  const offset = Math.max(0, Math.floor(Number(params.get('offset') ?? 0)) || 0);
  const filters: AccountsQuery['filters'] = {};
  for (const name of ACCOUNT_FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return { q: params.get('q') ?? '', filters, sort, order, offset };
}

/** The query string for the dashboard's URL ("" for the defaults). */
export function accountsSearch(query: AccountsQuery): string {
  const params = new URLSearchParams();
  if (query.q.trim()) params.set('q', query.q.trim());
  for (const name of ACCOUNT_FILTERS) {
    const value = query.filters[name];
    if (value) params.set(name, value);
  }
  if (query.sort !== 'name') params.set('sort', query.sort);
  if (query.order !== defaultOrder(query.sort)) params.set('order', query.order);
  if (query.offset > 0) params.set('offset', String(query.offset));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The same state as `GET /api/accounts` parameters, with the page size. */
export function accountsApiParams(query: AccountsQuery): URLSearchParams {
  const params = new URLSearchParams(accountsSearch(query));
  params.set('sort', query.sort);
  params.set('order', query.order);
  params.set('limit', String(PAGE_SIZE));
  return params;
}
