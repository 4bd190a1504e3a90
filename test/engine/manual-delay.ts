import type { Delay } from '../../src/engine/segments/segment-refresher.js';
import type { TestClock } from '../support/context.js';

/** Delayed calls driven by a test clock: nothing runs until the test moves time to it. */
export function manualDelay(clock: TestClock) {
  const due: { at: number; run: () => void }[] = [];
  const delay: Delay = (ms, run) => {
    const entry = { at: clock.now() + ms, run };
    due.push(entry);
    return () => {
      const at = due.indexOf(entry);
      if (at >= 0) due.splice(at, 1);
    };
  };
  return {
    delay,
    /**
     * Moves the clock to the first call due within `ms` and runs it; returns how far the
     * clock moved, or null (and moves nothing) when no call is due that soon.
     */
    next(ms: number): number | null {
      const entry = [...due].sort((a, b) => a.at - b.at)[0];
      if (!entry || entry.at > clock.now() + ms) return null;
      const waited = entry.at - clock.now();
      clock.set(entry.at);
      due.splice(due.indexOf(entry), 1);
      entry.run();
      return waited;
    },
  };
}
