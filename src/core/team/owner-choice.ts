import type { TeamMember } from './team-member.js';

/** What owner assignment needs to know of an account. */
export interface OwnerCandidateAccount {
  /** The owner the account's own data names (its `ownerEmail`, e.g. from the CRM), if any. */
  namedOwner: string | null;
  /** The account's territory: its `territory` trait, else `region`, else `country`. */
  territory: string | null;
  /** Segments the account is in now. */
  segments: ReadonlySet<string>;
}

/** A CSM as the choice sees them: who, what they cover, and how many accounts they own now. */
export interface OwnerCandidate {
  member: Pick<TeamMember, 'id' | 'name' | 'email' | 'role' | 'capacity' | 'territories' | 'segments' | 'active'>;
  load: number;
}

export type OwnerChoice = { memberId: string; reason: string } | { memberId: null; reason: string };

/** The trait an account's territory is read from, in order of preference. */
export const TERRITORY_TRAITS = ['territory', 'region', 'country'] as const;

/**
 * Who should own a high-touch account: the CSM the account's data names, if they have room;
 * else, among active CSMs with room (load below capacity),
 * them those who cover the account's territory or one of its segments come first, and within
 * a group the least loaded wins — fewest accounts, then the most spare capacity, then e-mail,
 * so the choice is stable. A covering CSM who is full is passed over for one with room rather
 * than overloaded: capacity is a promise to the customer.
 */
export function chooseOwner(account: OwnerCandidateAccount, candidates: readonly OwnerCandidate[]): OwnerChoice {
  const open = candidates.filter((c) => c.member.active && c.member.role === 'csm' && c.load < c.member.capacity);
  if (open.length === 0) return { memberId: null, reason: 'no CSM has room (every active CSM is at capacity)' };
  const named = account.namedOwner === null ? undefined : open.find((c) => c.member.email === account.namedOwner!.toLowerCase());
  if (named) return { memberId: named.member.id, reason: `${named.member.name}: named as the owner in the account's data (${named.load} of ${named.member.capacity} accounts)` };
  const coverage = (c: OwnerCandidate): string | null => {
    if (account.territory !== null && c.member.territories.includes(account.territory)) return `covers territory ${account.territory}`;
    const segment = c.member.segments.find((s) => account.segments.has(s));
    return segment ? `covers segment ${segment}` : null;
  };
  const covering = open.filter((c) => coverage(c) !== null);
  const pool = covering.length > 0 ? covering : open;
  const best = [...pool].sort((a, b) => a.load - b.load || b.member.capacity - b.load - (a.member.capacity - a.load) || (a.member.email < b.member.email ? -1 : 1))[0]!;
  const why = coverage(best) ?? 'no CSM with room covers its territory or segments';
  return { memberId: best.member.id, reason: `${best.member.name}: ${why}; least loaded (${best.load} of ${best.member.capacity} accounts)` };
}

/** The account's territory from its traits, as `chooseOwner` reads it. */
export function territoryOf(traits: Record<string, unknown>): string | null {
  for (const name of TERRITORY_TRAITS) {
    const value = traits[name];
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
}
