import type { Account, AccountContact, AccountWithContacts, Contact, FlaggedAccount, ModelEconomics, ModelSummary, Page, TimelineEntry } from '../../src/core/records';

export type { AccountContact, AccountWithContacts, FlaggedAccount, ModelEconomics, ModelSummary };

/** Who is logged in, as `GET /api/me` answers. */
export interface Me {
  workspaceId: string;
  user: { id: string; email: string; name: string | null; role: string } | null;
}

export interface Overview {
  totals: { accounts: number; contacts: number; events: number; revenue: number };
  /** Interactions per UTC day (epoch ms of midnight) and channel. */
  activity: { day: number; channel: string; count: number }[];
  from: number;
  to: number;
}

export interface AccountList {
  items: Account[];
  total: number;
  limit: number;
  offset: number;
}

export interface AccountFacets {
  plans: string[];
  industries: string[];
  complexities: string[];
  owners: string[];
}


export interface TimelineQuery {
  cursor?: string | null;
  channel?: string | null;
  limit?: number;
}

/** An error the server answered with; `code` is the API's stable error code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ApiClient {
  me(): Promise<Me>;
  logIn(email: string, password: string): Promise<void>;
  logOut(): Promise<void>;
  overview(days: number): Promise<Overview>;
  accounts(query: URLSearchParams): Promise<AccountList>;
  accountFacets(): Promise<AccountFacets>;
  account(groupId: string): Promise<AccountWithContacts>;
  accountTimeline(groupId: string, query: TimelineQuery): Promise<Page<TimelineEntry>>;
  contact(userId: string): Promise<Contact>;
  contactTimeline(userId: string, query: TimelineQuery): Promise<Page<TimelineEntry>>;
  models(): Promise<ModelEconomics>;
}

/**
 * The dashboard's only way to the server: the REST API with the session cookie. A 401 from
 * any call but the login itself means the session is gone; `onUnauthorized` shows the login.
 */
export function createApiClient(options: { onUnauthorized: () => void }): ApiClient {
  const request = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.ok) return (await response.json()) as T;
    const payload = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    const error = new ApiError(response.status, payload?.error?.code ?? 'internal', payload?.error?.message ?? `request failed (${response.status})`);
    if (response.status === 401 && path !== '/auth/login') options.onUnauthorized();
    throw error;
  };
  const get = <T>(path: string) => request<T>('GET', path);
  const segment = encodeURIComponent;
  const timelineQuery = (query: TimelineQuery) => {
    const params = new URLSearchParams();
    if (query.cursor) params.set('cursor', query.cursor);
    if (query.channel) params.set('channel', query.channel);
    if (query.limit) params.set('limit', String(query.limit));
    const text = params.toString();
    return text ? `?${text}` : '';
  };

  return {
    me: () => get('/api/me'),
    logIn: async (email, password) => {
      await request('POST', '/auth/login', { email, password });
    },
    logOut: async () => {
      await request('POST', '/auth/logout');
    },
    overview: (days) => get(`/api/overview?days=${days}`),
    accounts: (query) => get(`/api/accounts?${query.toString()}`),
    accountFacets: () => get('/api/accounts/facets'),
    account: (groupId) => get(`/api/accounts/${segment(groupId)}`),
    accountTimeline: (groupId, query) => get(`/api/accounts/${segment(groupId)}/timeline${timelineQuery(query)}`),
    contact: (userId) => get(`/api/contacts/${segment(userId)}`),
    contactTimeline: (userId, query) => get(`/api/contacts/${segment(userId)}/timeline${timelineQuery(query)}`),
    models: () => get('/api/models'),
  };
}
