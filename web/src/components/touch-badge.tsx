import type { ModelPhase, TouchLevel } from '../../../src/core/models/engagement-model';

const LOOKS: Record<TouchLevel, { label: string; tone: string }> = {
  high: { label: 'High touch', tone: 'violet' },
  low: { label: 'Low touch', tone: 'blue' },
  none: { label: 'No touch', tone: 'grey' },
};

/** How hands-on one phase of a model is, as a pill; the phase's name is its tooltip. */
export function TouchBadge({ phase }: { phase: ModelPhase }) {
  const look = LOOKS[phase.touch];
  return (
    <span className={`pill pill-${look.tone}`} title={phase.name}>
      {look.label}
    </span>
  );
}
