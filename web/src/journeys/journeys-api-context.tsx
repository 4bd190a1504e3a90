import { createContext, useContext } from 'react';
import type { JourneysApi } from './journeys-api';

export const JourneysApiContext = createContext<JourneysApi | null>(null);

/** The journeys API of the logged-in dashboard; throws outside `JourneysApiContext`. */
export function useJourneysApi(): JourneysApi {
  const api = useContext(JourneysApiContext);
  if (!api) throw new Error('useJourneysApi outside JourneysApiContext');
  return api;
}
