import { notFound, validationError } from '../../../core/errors.js';
import type { JourneySubjectRef, StartResult } from '../../../store/journeys/journey-runs.js';
import type { EngineContext } from '../../context.js';
import { journeysInForce } from '../journeys-in-force.js';
import { assertJourneyActive } from '../journey-status.js';
import { startJourneyRun } from '../start-journey-run.js';

/**
 * Starts a run of a journey with `trigger: { api: {} }` for a subject, as
 * `POST /api/journeys/{id}/trigger` asks; `data` is kept as the run's trigger data
 * (`{ api: data }`) for its messages. Not found when the journey is not in force or the subject
 * does not exist; a validation error for a journey started otherwise, or a subject of the
 * wrong kind; a conflict while the journey is paused. The entry rules apply: the result says whether the run started and why not.
 */
export async function triggerJourney(context: EngineContext, workspaceId: string, journeyId: string, subject: JourneySubjectRef, data: Record<string, unknown> = {}): Promise<StartResult> {
  const journey = (await journeysInForce(context, workspaceId)).find((j) => j.id === journeyId);
  if (!journey) throw notFound(`journey ${journeyId}`);
  if (!('api' in journey.trigger)) throw validationError(`journey ${journeyId} is started by its ${Object.keys(journey.trigger)[0]} trigger, not through the API`);
  if (subject.kind !== journey.subject) throw validationError(`journey ${journeyId} is for ${journey.subject}s, not ${subject.kind}s`);
  await assertJourneyActive(context, workspaceId, journey);
  const exists = subject.kind === 'contact' ? await context.store.contacts.findById(workspaceId, subject.id) : await context.store.accounts.find(workspaceId, subject.id);
  if (!exists) throw notFound(`${subject.kind} ${subject.id}`);
  return startJourneyRun(context, workspaceId, journey, subject, { api: data });
}
