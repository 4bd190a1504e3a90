import { CSMS } from '../../core/demo/names.js';
import type { TeamMemberInput } from '../../core/team/team-member.js';
import type { EngineContext } from '../context.js';

/** Countries (the demo accounts' `country` trait) each demo CSM covers, in CSMS order. */
const TERRITORIES: readonly (readonly string[])[] = [['NO'], ['SI'], ['CZ'], ['DE'], ['RO'], ['US', 'AU']];

/**
 * The demo's customer success team: the six CSMs the demo accounts name as owners, each
 * covering countries, a manager, and the demo login as a CSM for British accounts, so that
 * "My tasks" has work in it. Capacity grows with the demo's scale. Adding it twice adds nothing.
 */
export async function ensureDemoTeam(context: EngineContext, workspaceId: string, options: { scale: number; loginEmail: string }): Promise<void> {
  const { scale } = options;
  const capacity = Math.max(4, Math.round(8 * scale));
  const members: TeamMemberInput[] = [
    ...CSMS.map((csm, i) => ({ ...csm, role: 'csm' as const, capacity, territories: [...(TERRITORIES[i] ?? [])], segments: [], active: true })),
    { name: 'Demo Admin', email: options.loginEmail, role: 'csm', capacity, territories: ['GB'], segments: [], active: true },
    { name: 'Morgan Reyes', email: 'morgan.reyes@quillbase.example', role: 'manager', capacity: 0, territories: [], segments: [], active: true },
  ];
  const now = context.clock.now();
  for (const member of members) await context.store.team.insert(workspaceId, context.ids.id(), member, now);
}
