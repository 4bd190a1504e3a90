import type { EngagementModel } from './engagement-model.js';

const DAY_MS = 86_400_000;

export interface PhaseState {
  phaseId: string;
  /** When the account entered its current phase, epoch ms. */
  phaseSince: number;
}

/**
 * Whether an account's phase is over, and the phase it moves to: at the activation milestone
 * (the account is in the phase's `activatedSegment`) or once `maxDays` have passed, whichever
 * comes first. The last phase never ends. Null when the account stays.
 */
export function nextPhase(model: EngagementModel, state: PhaseState, input: { activated: boolean; now: number }): { phaseId: string; reason: string } | null {
  const index = model.phases.findIndex((p) => p.id === state.phaseId);
  const phase = model.phases[index];
  const next = model.phases[index + 1];
  if (!phase?.until || !next) return null;
  const { activatedSegment, maxDays } = phase.until;
  if (activatedSegment && input.activated) {
    return { phaseId: next.id, reason: `${phase.name} ended at the activation milestone (the account entered segment ${activatedSegment}); now ${next.name}` };
  }
  if (maxDays !== undefined && input.now - state.phaseSince >= maxDays * DAY_MS) {
    return { phaseId: next.id, reason: `${phase.name} ended after ${maxDays} days without reaching ${activatedSegment ? `segment ${activatedSegment}` : 'its milestone'}; now ${next.name}` };
  }
  return null;
}
