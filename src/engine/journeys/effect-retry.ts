/** How long after a failed attempt the next one is due: 1, 2, 4, 8 ... minutes, at most 6 hours. */
export function retryDelay(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

/** Attempts before an effect is given up (dead): with the delays above, about 20 hours of trying. */
export const MAX_EFFECT_ATTEMPTS = 12;
