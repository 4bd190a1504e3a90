import { TouchpointError } from '../core/errors.js';
import type { Clock } from './context.js';

const MAX_FAILURES = 10;
const WINDOW_MS = 15 * 60_000;

/**
 * Slows password guessing: after 10 failed logins for one e-mail within 15 minutes, further
 * attempts are refused until the window has passed. Kept per process; with several server
 * processes an attacker gets 10 tries per process and window, still far too few to guess.
 */
export class LoginThrottle {
  readonly #failures = new Map<string, { count: number; since: number }>();

  constructor(private readonly clock: Clock) {}

  /** Throws `rate_limited` while the e-mail is locked out. */
  check(email: string): void {
    const entry = this.#current(email);
    if (entry && entry.count >= MAX_FAILURES) {
      const seconds = Math.ceil((entry.since + WINDOW_MS - this.clock.now()) / 1000);
      throw new TouchpointError('rate_limited', `too many failed logins for this e-mail; try again in ${seconds} s`);
    }
  }

  failed(email: string): void {
    const entry = this.#current(email) ?? { count: 0, since: this.clock.now() };
    this.#failures.set(email, { ...entry, count: entry.count + 1 });
    if (this.#failures.size > 10_000) this.#forgetExpired();
  }

  succeeded(email: string): void {
    this.#failures.delete(email);
  }

  #current(email: string) {
    const entry = this.#failures.get(email);
    if (entry && this.clock.now() - entry.since >= WINDOW_MS) {
      this.#failures.delete(email);
      return undefined;
    }
    return entry;
  }

  #forgetExpired(): void {
    for (const email of [...this.#failures.keys()]) this.#current(email);
  }
}
