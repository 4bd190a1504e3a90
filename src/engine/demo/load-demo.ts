import type { EngineContext } from '../context.js';

/** Loads the demo data set into an empty workspace; does nothing if it has accounts. */
export async function loadDemoIfEmpty(_context: EngineContext, _workspaceId: string, _options: { log: (line: string) => void }): Promise<void> {
  // Placeholder until the demo generator lands.
}
