/**
 * Reads `read()` until `done` holds for what it returns, and returns that; fails after
 * `timeoutMs` with `what` and the last value. For watching real processes, whose clock a
 * test cannot hold: it waits for a state, never for a fixed time.
 */
export async function pollUntil<T>(what: string, read: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
