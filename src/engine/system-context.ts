import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock, IdSource } from './context.js';

/** The real clock and real randomness, for the running product. */
export const systemClock: Clock = { now: () => Date.now() };

export const randomIds: IdSource = {
  id: () => randomUUID(),
  secret: (prefix) => prefix + randomBytes(24).toString('base64url'),
};
