import type { AccountModel } from '../records.js';
import type { Assignment } from './assignment.js';
import type { EngagementModel } from './engagement-model.js';

/**
 * Where an assignment puts an account: a new model starts at its first phase now — or later,
 * past every phase whose activation milestone the account has already reached (a customer of
 * three years moved to high touch is not onboarded again, and gets no kickoff); the same model
 * keeps the phase and dates the account already has, so re-assigning never restarts an
 * onboarding that is under way. `reached(segmentId)` says whether the account is in a segment.
 */
export function placeAccount(groupId: string, current: AccountModel | undefined, assignment: Assignment, model: EngagementModel, now: number, reached: (segmentId: string) => boolean = () => false): AccountModel {
  const { modelId, ruleId, reason } = assignment;
  if (current?.modelId === modelId) return { ...current, ruleId, reason };
  return { groupId, modelId, ruleId, reason, phaseId: startingPhase(model, reached), since: now, phaseSince: now };
}

/** The first phase whose milestone the account has not reached; the last phase never ends. */
export function startingPhase(model: EngagementModel, reached: (segmentId: string) => boolean): string {
  const phase = model.phases.find((p, index) => index === model.phases.length - 1 || !(p.until?.activatedSegment && reached(p.until.activatedSegment)));
  return phase!.id;
}
