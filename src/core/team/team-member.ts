import { z } from 'zod';
import type { FieldIssue } from '../errors.js';

/**
 * A person on the customer success team. CSMs own high-touch accounts up to their capacity;
 * managers and admins see everyone's work. Territories and segments steer which accounts a
 * CSM gets first (see `chooseOwner`).
 */
export const TEAM_ROLES = ['csm', 'manager', 'admin'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be lowercase letters, digits and hyphens' });

export const teamMemberInputSchema = z.strictObject({
  email: z.email({ error: 'must be an e-mail address' }),
  name: z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }),
  role: z.enum(TEAM_ROLES, { error: `must be one of ${TEAM_ROLES.join(', ')}` }),
  /** How many accounts the person can own; 0 for people who own none. */
  capacity: z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(0, { error: 'must not be negative' }).default(0),
  /** Values of the account's `territory` trait (else `region`, else `country`) this person covers. */
  territories: z.array(z.string().min(1), { error: 'must be a list of strings' }).default([]),
  /** Segments of accounts this person covers (industry teams, strategic accounts, ...). */
  segments: z.array(slug, { error: 'must be a list of segment ids' }).default([]),
  active: z.boolean({ error: 'must be true or false' }).default(true),
});

export type TeamMemberInput = z.infer<typeof teamMemberInputSchema>;

export interface TeamMember extends TeamMemberInput {
  id: string;
  createdAt: number;
}

/** Checks a team member; issues name the field and the reason. Never throws. */
export function parseTeamMember(input: unknown): { ok: true; member: TeamMemberInput } | { ok: false; issues: FieldIssue[] } {
  const parsed = teamMemberInputSchema.safeParse(input);
  if (parsed.success) return { ok: true, member: { ...parsed.data, email: parsed.data.email.toLowerCase() } };
  return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(member)', message: i.message })) };
}
