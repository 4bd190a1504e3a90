import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EngineContext } from '../engine/context.js';
import { randomIds, systemClock } from '../engine/system-context.js';
import { openStore } from '../store/open-store.js';
import { DEFAULT_WORKSPACE_ID } from '../store/workspaces.js';

/** Options every command takes; read once here and passed down. */
export interface GlobalOptions {
  data: string;
  databaseUrl?: string;
}

/** Opens the store (migrating it) and makes sure the default workspace exists. */
export async function openContext(options: GlobalOptions): Promise<EngineContext> {
  const store = await openStore({ dataDir: options.data, databaseUrl: options.databaseUrl });
  const context: EngineContext = { store, clock: systemClock, ids: randomIds };
  await store.workspaces.ensure(DEFAULT_WORKSPACE_ID, 'Default workspace', context.clock.now());
  return context;
}

/** The package's root folder, found from this file whether it runs from `src/` or `dist/src/`. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}
