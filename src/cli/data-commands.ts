import type { Command } from 'commander';
import type { GlobalOptions } from './wiring.js';

/** `touchpoint import` and `touchpoint demo`. */
export function registerDataCommands(_program: Command, _globals: () => GlobalOptions): void {
  // Filled in by the import and demo work.
}
