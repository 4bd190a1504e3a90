import type { JourneyDefinition } from '../../../src/core/journeys/journey-definition.js';
import { parseSegmentDefinition, type SegmentDefinition } from '../../../src/core/segments/segment-definition.js';
import type { EngineContext } from '../../../src/engine/context.js';
import { feedJourneys, type FeedOptions, type FeedPass } from '../../../src/engine/journeys/triggers/event-feed.js';
import { messages, newId } from '../../support/messages.js';

export function segment(input: unknown): SegmentDefinition {
  const parsed = parseSegmentDefinition(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.definition;
}

/** A workspace with these journeys and segments in force. */
export async function workspaceWith(context: EngineContext, workspaceId: string, journeys: JourneyDefinition[], segments: SegmentDefinition[] = []): Promise<void> {
  const { store, clock } = context;
  await store.workspaces.ensure(workspaceId, workspaceId, clock.now());
  await store.definitions.saveAll(workspaceId, [...journeys.map((spec) => ({ kind: 'Journey' as const, spec })), ...segments.map((spec) => ({ kind: 'Segment' as const, spec }))], 'test', clock.now());
}

/** Ingests Segment messages now, as the API would. */
export async function ingest(context: EngineContext, workspaceId: string, raw: object[]): Promise<void> {
  await context.store.writeMessages(workspaceId, messages(raw, context.clock.now()), newId);
}

export async function contactId(context: EngineContext, workspaceId: string, userId: string): Promise<string> {
  return (await context.store.contacts.findByUserId(workspaceId, userId))!.id;
}

/**
 * Feeds until a pass has read through every event written before it. On a PostgreSQL server
 * other writers may be under way, and the feed reads past them only once they finished.
 */
export async function feedUntilCaughtUp(context: EngineContext, options: FeedOptions): Promise<FeedPass> {
  const total: FeedPass = { events: 0, started: 0, advanced: 0, caughtUp: false, awaitingWriters: false };
  for (let pass = 0; pass < 1000 && !total.caughtUp; pass++) {
    const done = await feedJourneys(context, options);
    total.events += done.events;
    total.started += done.started;
    total.advanced += done.advanced;
    total.caughtUp = done.caughtUp;
  }
  if (!total.caughtUp) throw new Error('the feed did not catch up');
  return total;
}
