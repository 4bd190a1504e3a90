import type { DemoAccount, DemoContact } from './demo-accounts.js';
import type { Random } from './random.js';

/** A message as a Segment client sends it: plain JSON, ISO timestamps. */
export type RawMessage = Record<string, unknown>;

type Who = Pick<DemoContact, 'userId' | 'locale' | 'timezone'> | { anonymousId: string; locale: string; timezone: string };

/**
 * Collects one account's messages in any order; `messages()` returns them in time order
 * with message ids, so later traits (an upgrade) are applied after earlier ones.
 */
export interface Story {
  track(at: number, who: Who, event: string, properties?: Record<string, unknown>): void;
  page(at: number, who: Who, page: { name: string; path: string }, base: string): void;
  screen(at: number, who: Who, name: string): void;
  identify(at: number, contact: DemoContact, traits: Record<string, unknown>, withAnonymousId?: boolean): void;
  group(at: number, contact: DemoContact, traits: Record<string, unknown>): void;
  messages(random: Random): RawMessage[];
}

export function newStory(account: DemoAccount): Story {
  const entries: { at: number; seq: number; message: RawMessage }[] = [];
  const add = (at: number, who: Who, message: RawMessage, inAccount = true) => {
    const identity = 'userId' in who ? { userId: who.userId } : { anonymousId: who.anonymousId };
    const context: RawMessage = { locale: who.locale, timezone: who.timezone };
    if (inAccount) context['groupId'] = account.groupId;
    entries.push({ at, seq: entries.length, message: { ...message, ...identity, context } });
  };
  return {
    track: (at, who, event, properties = {}) => add(at, who, { type: 'track', event, properties }),
    page: (at, who, page, base) =>
      add(at, who, { type: 'page', name: page.name, properties: { path: page.path, url: base + page.path, title: page.name } }, 'userId' in who),
    screen: (at, who, name) => add(at, who, { type: 'screen', name, properties: {} }),
    identify: (at, contact, traits, withAnonymousId = false) => {
      add(at, contact, { type: 'identify', traits, ...(withAnonymousId && contact.anonymousId ? { anonymousId: contact.anonymousId } : {}) });
    },
    group: (at, contact, traits) => add(at, contact, { type: 'group', groupId: account.groupId, traits }),
    messages: (random) =>
      entries
        .sort((a, b) => a.at - b.at || a.seq - b.seq)
        .map(({ at, message }) => ({ messageId: random.uuid(), timestamp: new Date(at).toISOString(), ...message })),
  };
}
