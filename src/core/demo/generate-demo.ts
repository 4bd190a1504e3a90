import { DAY } from './calendar.js';
import { conversationEvents } from './conversations.js';
import { demoAccount, type DemoWindow } from './demo-accounts.js';
import { lifecycleEvents } from './lifecycle.js';
import { seededRandom } from './random.js';
import { newStory, type RawMessage } from './story.js';
import { usageEvents } from './usage.js';

export type { RawMessage } from './story.js';

export interface DemoOptions {
  seed: number;
  /** Multiplies the number of accounts: 1 is a few hundred, 50 gives millions of events. */
  scale: number;
  /** The last moment of the demo's year, epoch milliseconds. */
  end: number;
  /**
   * Multiplies how often people use the product (sessions a week), the bulk of the events;
   * 1 unless given. The same accounts and contacts with fewer or more events: benchmarks use
   * it to reach a shape such as 20,000 accounts with 5 million events.
   */
  activity?: number;
  /** Multiplies the number of people per account; 1 unless given. */
  people?: number;
}

export const ACCOUNTS_PER_SCALE = 200;

/** How many accounts the demo of this scale has. */
export function demoAccountCount(scale: number): number {
  return Math.max(1, Math.round(ACCOUNTS_PER_SCALE * scale));
}

/**
 * A year of a B2B SaaS's customers, as the raw Segment messages their apps, website, help
 * desk and CRM would send, ending at `end`. Lazy: one account is held in memory at a time,
 * so any scale streams. The same seed and end always give the same messages.
 */
export function* generateDemo(options: DemoOptions): Generator<RawMessage> {
  const window: DemoWindow = { start: options.end - 365 * DAY, end: options.end };
  const takenNames = new Set<string>();
  const count = demoAccountCount(options.scale);
  for (let index = 0; index < count; index++) {
    // Each account has its own stream, so its story does not depend on the ones before it.
    const account = demoAccount(seededRandom(options.seed, index, 1), window, takenNames, options.people ?? 1);
    const story = newStory(account);
    lifecycleEvents(story, seededRandom(options.seed, index, 2), account, window);
    usageEvents(story, seededRandom(options.seed, index, 3), account, window, options.activity ?? 1);
    conversationEvents(story, seededRandom(options.seed, index, 4), account, window);
    for (const message of story.messages(seededRandom(options.seed, index, 5))) {
      if (Date.parse(message['timestamp'] as string) <= options.end) yield message;
    }
  }
}
