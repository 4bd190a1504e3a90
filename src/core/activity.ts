import type { Interaction } from './interactions.js';

export const DAY_MS = 86_400_000;

/** Messages that are not interactions (identify, group, alias) count under this channel. */
export const NO_CHANNEL = '';

export interface ActivityCount {
  /** UTC midnight, epoch ms. */
  day: number;
  channel: string;
  events: number;
  revenue: number;
}

/**
 * What a set of newly stored messages adds to the daily activity rollup: events and revenue
 * per UTC day and channel. The dashboard reads the rollup instead of scanning every event.
 */
export function activityOf(messages: readonly { timestamp: number; interaction: Interaction | null }[]): ActivityCount[] {
  const counts = new Map<string, ActivityCount>();
  for (const { timestamp, interaction } of messages) {
    const day = timestamp - (((timestamp % DAY_MS) + DAY_MS) % DAY_MS);
    const channel = interaction?.channel ?? NO_CHANNEL;
    const key = `${day}:${channel}`;
    const count = counts.get(key) ?? { day, channel, events: 0, revenue: 0 };
    count.events += 1;
    count.revenue += interaction?.revenue ?? 0;
    counts.set(key, count);
  }
  return [...counts.values()];
}
