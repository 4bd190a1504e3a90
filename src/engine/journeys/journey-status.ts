import type { JourneyDefinition } from '../../core/journeys/journey-definition.js';
import { isShippedPlaybook } from '../../core/journeys/shipped-playbooks.js';
import { conflict, notFound } from '../../core/errors.js';
import type { JourneyStatus, JourneyStatusRecord } from '../../store/journeys/journey-status.js';
import type { EngineContext } from '../context.js';
import { journeysInForce } from './journeys-in-force.js';

export type { JourneyStatus };

/**
 * Whether a journey runs. An active journey takes new entries and moves its runs on; a paused
 * one is held as it is: nothing enters, its runs' timers wait and events are not delivered to
 * them, until it is active again (what came due meanwhile then happens, late). Messages already
 * queued when it was paused are still sent.
 *
 * A journey nobody has activated or paused has its default: a shipped playbook as shipped is
 * paused, so installing Touchpoint (or exporting and applying the playbooks unchanged) sends
 * nothing by itself; a journey a workspace wrote or edited is active once applied.
 */
export function defaultJourneyStatus(journey: JourneyDefinition): JourneyStatus {
  return isShippedPlaybook(journey) ? 'paused' : 'active';
}

/** Each journey's status record: where it was set, else its default (set by nobody, never). */
export async function journeyStatuses(context: EngineContext, workspaceId: string, journeys: readonly JourneyDefinition[]): Promise<Map<string, JourneyStatusRecord & { set: boolean }>> {
  const set = new Map((await context.store.journeys.status.list(workspaceId)).map((r) => [r.journeyId, r]));
  return new Map(
    journeys.map((j) => {
      const record = set.get(j.id);
      return [j.id, record ? { ...record, set: true } : { journeyId: j.id, status: defaultJourneyStatus(j), changedBy: 'default', changedAt: 0, set: false }];
    }),
  );
}

/** The journeys in force whose status is active: what triggers start and the feed serves. */
export async function activeJourneys(context: EngineContext, workspaceId: string): Promise<JourneyDefinition[]> {
  return activeAmong(context, workspaceId, await journeysInForce(context, workspaceId));
}

export async function activeAmong(context: EngineContext, workspaceId: string, journeys: readonly JourneyDefinition[]): Promise<JourneyDefinition[]> {
  const statuses = await journeyStatuses(context, workspaceId, journeys);
  return journeys.filter((j) => statuses.get(j.id)!.status === 'active');
}

/** Activates or pauses a journey in force; refuses an unknown one. Returns the record as stored. */
export async function setJourneyStatus(context: EngineContext, workspaceId: string, journeyId: string, status: JourneyStatus, by: string): Promise<JourneyStatusRecord> {
  const journey = (await journeysInForce(context, workspaceId)).find((j) => j.id === journeyId);
  if (!journey) throw notFound(`journey ${journeyId}`);
  const record = { journeyId, status, changedBy: by, changedAt: context.clock.now() };
  await context.store.journeys.status.set(workspaceId, record);
  return record;
}

/** Refuses to start a run of a paused journey by hand (the API trigger). */
export async function assertJourneyActive(context: EngineContext, workspaceId: string, journey: JourneyDefinition): Promise<void> {
  const status = (await journeyStatuses(context, workspaceId, [journey])).get(journey.id)!.status;
  if (status !== 'active') throw conflict(`journey ${journey.id} is paused; activate it first`);
}
