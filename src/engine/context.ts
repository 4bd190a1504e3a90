import type { Store } from '../store/store.js';

/** Time, passed in so that tests control it. */
export interface Clock {
  now(): number;
}

/** New identifiers and secrets, passed in so that tests and the demo can make them predictable. */
export interface IdSource {
  /** A unique id for a row (contacts, users). */
  id(): string;
  /** A secret with a recognisable prefix, e.g. `wk_...` for write keys. */
  secret(prefix: string): string;
}

/** What every use case is handed: built once by the CLI, passed down, never global. */
export interface EngineContext {
  store: Store;
  clock: Clock;
  ids: IdSource;
}
