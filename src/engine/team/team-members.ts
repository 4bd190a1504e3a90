import { conflict, notFound, validationError } from '../../core/errors.js';
import { parseTeamMember, type TeamMember } from '../../core/team/team-member.js';
import type { EngineContext } from '../context.js';

/** Adds a person to the team; a `conflict` when the e-mail is already on it. */
export async function addTeamMember(context: EngineContext, workspaceId: string, input: unknown): Promise<TeamMember> {
  const parsed = parseTeamMember(input);
  if (!parsed.ok) throw validationError('invalid team member', parsed.issues);
  const id = context.ids.id();
  const now = context.clock.now();
  if (!(await context.store.team.insert(workspaceId, id, parsed.member, now))) throw conflict(`${parsed.member.email} is already on the team`);
  return { ...parsed.member, id, createdAt: now };
}

/** Replaces a member's details (the e-mail may change if no one else has it). */
export async function updateTeamMember(context: EngineContext, workspaceId: string, id: string, input: unknown): Promise<TeamMember> {
  const existing = await context.store.team.find(workspaceId, id);
  if (!existing) throw notFound(`team member ${id}`);
  const parsed = parseTeamMember(input);
  if (!parsed.ok) throw validationError('invalid team member', parsed.issues);
  const other = await context.store.team.findByEmail(workspaceId, parsed.member.email);
  if (other && other.id !== id) throw conflict(`${parsed.member.email} is already on the team`);
  await context.store.team.update(workspaceId, id, parsed.member);
  return { ...parsed.member, id, createdAt: existing.createdAt };
}
