import { humanize } from '../format';

const TONES: Record<string, string> = { enterprise: 'violet', growth: 'blue', starter: 'green', trial: 'amber', free: 'grey' };

/** The account's plan as a coloured pill; unknown plans are grey. */
export function PlanBadge({ plan }: { plan: string | null }) {
  if (!plan) return <span className="muted">—</span>;
  return <span className={`pill pill-${TONES[plan.toLowerCase()] ?? 'grey'}`}>{humanize(plan)}</span>;
}
