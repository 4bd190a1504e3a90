import { parseJourney, type JourneyDefinition } from '../../../src/core/journeys/journey-definition.js';
import type { JourneyLookup } from '../../../src/engine/journeys/advance-run.js';
import type { EffectPerformers, Performer } from '../../../src/engine/journeys/effect-performers.js';
import { storePerformers } from '../../../src/engine/journeys/effect-performers.js';
import type { EngineContext } from '../../../src/engine/context.js';
import { messages, newId } from '../../support/messages.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function journey(input: unknown): JourneyDefinition {
  const parsed = parseJourney(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.journey;
}

/** Two calls a day and then two days apart, for an account's owner. */
export const followUp = journey({
  id: 'follow-up',
  name: 'Follow up',
  subject: 'account',
  trigger: { api: {} },
  steps: [
    { id: 'first-wait', wait: { for: { days: 1 } } },
    { id: 'first-call', task: { type: 'check-in', title: 'First call', dueInDays: 1 } },
    { id: 'second-wait', wait: { for: { days: 2 } } },
    { id: 'second-call', task: { type: 'check-in', title: 'Second call', dueInDays: 1 } },
  ],
});

export function lookup(...journeys: JourneyDefinition[]): JourneyLookup {
  return async (_workspaceId, journeyId) => journeys.find((j) => j.id === journeyId);
}

/** Performers that write to the store, and for the other kinds ones that only count calls by key. */
export function countingPerformers(context: EngineContext, calls = new Map<string, number>()): { performers: EffectPerformers; calls: Map<string, number> } {
  const count = (key: string) => calls.set(key, (calls.get(key) ?? 0) + 1);
  const counted = <K extends keyof EffectPerformers>(performer: Performer<K>): Performer<K> => async (effect, claim, reads) => {
    count(effect.key);
    await performer(effect, claim, reads);
  };
  const store = storePerformers(context);
  const noop = async () => {};
  return {
    calls,
    performers: {
      email: counted<'email'>(noop), 'in-app': counted<'in-app'>(noop), webhook: counted<'webhook'>(noop), 'change-model': counted<'change-model'>(noop),
      task: counted(store.task), 'set-trait': counted(store['set-trait']),
    },
  };
}

/** An account with one contact, owned by a CSM; returns the CSM's id. */
export async function ownedAccount(context: EngineContext, workspaceId: string, groupId: string): Promise<string> {
  const { store, clock } = context;
  await store.workspaces.ensure(workspaceId, workspaceId, clock.now());
  await store.writeMessages(workspaceId, messages([{ type: 'group', userId: `${groupId}-ann`, groupId, traits: { name: groupId } }], clock.now()), newId);
  const memberId = newId();
  await store.team.insert(workspaceId, memberId, { email: `csm-${memberId}@example.com`, name: 'Dana', role: 'csm', capacity: 10, territories: [], segments: [], active: true }, clock.now());
  await store.team.setOwner(workspaceId, groupId, memberId, { reason: 'test', changedBy: 'test', at: clock.now() });
  return memberId;
}
