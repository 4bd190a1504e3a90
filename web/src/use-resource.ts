import { useCallback, useEffect, useState } from 'react';

export type Resource<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'ready'; data: T; error?: undefined }
  | { status: 'error'; data?: undefined; error: Error };

/**
 * Loads `load()` whenever `key` changes; an answer that arrives after the key moved on is
 * dropped, so a slow old request never overwrites a newer page. `reload()` asks again and
 * shows the data it has meanwhile, so a page does not blank out while it refreshes.
 */
export function useResource<T>(load: () => Promise<T>, key: string): Resource<T> & { reload: () => void } {
  const [state, setState] = useState<{ key: string; resource: Resource<T> }>({ key, resource: { status: 'loading' } });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    // A reload of the same key keeps showing what it has until the new answer comes.
    setState((previous) => (previous.key === key && previous.resource.status !== 'error' ? previous : { key, resource: { status: 'loading' } }));
    load().then(
      (data) => current && setState({ key, resource: { status: 'ready', data } }),
      (error: unknown) => current && setState({ key, resource: { status: 'error', error: error instanceof Error ? error : new Error(String(error)) } }),
    );
    return () => {
      current = false;
    };
    // `load` is a new closure on every render; `key` says when it asks for something else.
  }, [key, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const resource: Resource<T> = state.key === key ? state.resource : { status: 'loading' };
  return { ...resource, reload };
}
