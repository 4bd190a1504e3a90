import { createContext, useContext } from 'react';
import type { WorkApi } from './work-api';

export const WorkApiContext = createContext<WorkApi | null>(null);

/** The tasks and team API of the logged-in dashboard; throws outside `WorkApiContext`. */
export function useWorkApi(): WorkApi {
  const api = useContext(WorkApiContext);
  if (!api) throw new Error('useWorkApi outside WorkApiContext');
  return api;
}
