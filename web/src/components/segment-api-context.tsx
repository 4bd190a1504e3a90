import { createContext, useContext } from 'react';
import type { SegmentsApi } from '../api-client';

export const SegmentsApiContext = createContext<SegmentsApi | null>(null);

/** The segments API of the logged-in dashboard; throws outside `SegmentsApiContext`. */
export function useSegmentsApi(): SegmentsApi {
  const api = useContext(SegmentsApiContext);
  if (!api) throw new Error('useSegmentsApi outside SegmentsApiContext');
  return api;
}
