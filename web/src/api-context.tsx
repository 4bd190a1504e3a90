import { createContext, useContext, useMemo } from 'react';
import type { ApiClient } from './api-client';

export const ApiContext = createContext<ApiClient | null>(null);

/** The API client of the logged-in dashboard; throws outside `ApiContext`. */
export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiContext');
  return api;
}

/**
 * A client of one part of the API (`createMetricsApi`, ...), made once per page. On a 401 it
 * asks the main client who is logged in, which shows the login when the session is gone.
 */
export function useApiPart<T>(create: (options: { onUnauthorized: () => void }) => T): T {
  const api = useApi();
  return useMemo(() => create({ onUnauthorized: () => void api.me().catch(() => undefined) }), [api, create]);
}
