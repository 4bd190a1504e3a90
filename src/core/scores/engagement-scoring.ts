import { z } from 'zod';
import { CATEGORIES, CHANNELS } from '../interactions.js';
import type { FieldIssue } from '../errors.js';

/**
 * How interactions score as engagement (see docs/metrics.md): one `EngagementScoring`
 * definition (id `default`). Each typology names its types, each with the most points it
 * can give; rules map interactions (by event name, category, channel or direction; the first
 * rule that matches wins) to a type and the points each one earns. A subject's score of a
 * type is its points over the window, up to the type's maximum; its total is the sum.
 */
const typeId = z.string({ error: 'must be an id' }).regex(/^[a-z][a-z0-9-]*$/, { error: 'must be lower-case letters, digits and dashes' });

const rule = z
  .strictObject({
    event: z.string({ error: 'must be an event name' }).min(1).optional(),
    category: z.enum(CATEGORIES, { error: `must be one of ${CATEGORIES.join(', ')}` }).optional(),
    channel: z.enum(CHANNELS, { error: `must be one of ${CHANNELS.join(', ')}` }).optional(),
    direction: z.enum(['inbound', 'outbound'], { error: 'must be inbound or outbound' }).optional(),
    type: typeId,
    points: z.number({ error: 'must be a number' }).positive({ error: 'must be more than 0' }).default(1),
    label: z.string({ error: 'must be text' }).optional(),
  })
  .refine((r) => r.event !== undefined || r.category !== undefined || r.channel !== undefined || r.direction !== undefined, { error: 'must match on event, category, channel or direction' });

const typology = z
  .strictObject({
    id: typeId,
    name: z.string({ error: 'must be a name' }).min(1),
    types: z.array(z.strictObject({ id: typeId, name: z.string({ error: 'must be a name' }).min(1), maxPoints: z.number({ error: 'must be a number' }).positive({ error: 'must be more than 0' }) }), { error: 'must be a list of types' }).min(1),
    rules: z.array(rule, { error: 'must be a list of rules' }).min(1),
  })
  .superRefine((t, ctx) => {
    const ids = new Set(t.types.map((type) => type.id));
    t.rules.forEach((r, i) => {
      if (!ids.has(r.type)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'type'], message: `must be one of the typology's types: ${[...ids].join(', ')}` });
    });
  });

export const engagementScoringSchema = z.strictObject({
  id: z.literal('default', { error: 'must be default: a workspace has one engagement scoring' }),
  /** Days of interactions a score counts; the trend compares with the window before. */
  windowDays: z.number({ error: 'must be a number of days' }).int({ error: 'must be a whole number' }).min(1).max(365).default(30),
  typologies: z.array(typology, { error: 'must be a list of typologies' }).min(1),
});

export type EngagementScoring = z.infer<typeof engagementScoringSchema>;
export type Typology = EngagementScoring['typologies'][number];
export type ScoringRule = Typology['rules'][number];

export function parseEngagementScoring(input: unknown): { ok: true; scoring: EngagementScoring } | { ok: false; issues: FieldIssue[] } {
  const parsed = engagementScoringSchema.safeParse(input);
  if (parsed.success) return { ok: true, scoring: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(scoring)', message: i.message })) };
}

/** An interaction as scoring reads it, counted: how many of this kind a subject had. */
export interface InteractionCount {
  subjectId: string;
  name: string | null;
  category: string | null;
  channel: string | null;
  direction: string | null;
  count: number;
}

export function ruleMatches(r: ScoringRule, i: Pick<InteractionCount, 'name' | 'category' | 'channel' | 'direction'>): boolean {
  return (r.event === undefined || r.event === i.name) && (r.category === undefined || r.category === i.category) && (r.channel === undefined || r.channel === i.channel) && (r.direction === undefined || r.direction === i.direction);
}

export interface TypeScore {
  type: string;
  name: string;
  score: number;
  maxPoints: number;
  /** What earned the points, most first: the rule's label (or the event), interactions and points. */
  sources: { label: string; interactions: number; points: number }[];
}

/** One subject's scores in one typology, from its interaction counts over the window. */
export function scoreTypology(typology: Typology, counts: readonly InteractionCount[]): { total: number; types: TypeScore[] } {
  const earned = new Map<string, Map<string, { interactions: number; points: number }>>();
  for (const c of counts) {
    const r = typology.rules.find((candidate) => ruleMatches(candidate, c));
    if (!r) continue;
    const label = r.label ?? c.name ?? r.category ?? 'interactions';
    const byLabel = earned.get(r.type) ?? new Map();
    const entry = byLabel.get(label) ?? { interactions: 0, points: 0 };
    entry.interactions += c.count;
    entry.points += c.count * r.points;
    byLabel.set(label, entry);
    earned.set(r.type, byLabel);
  }
  const types = typology.types.map((type) => {
    const sources = [...(earned.get(type.id) ?? new Map<string, { interactions: number; points: number }>())].map(([label, e]) => ({ label, ...e })).sort((a, b) => b.points - a.points || (a.label < b.label ? -1 : 1));
    return { type: type.id, name: type.name, maxPoints: type.maxPoints, score: Math.min(type.maxPoints, sources.reduce((s, e) => s + e.points, 0)), sources };
  });
  return { total: types.reduce((s, t) => s + t.score, 0), types };
}

/** "score 72: 40 from product use, 20 from support, ...": a score as a sentence. */
export function explainScore(result: { total: number; types: TypeScore[] }, windowDays: number): string {
  const parts = result.types.filter((t) => t.score > 0).sort((a, b) => b.score - a.score).map((t) => `${round(t.score)} ${t.name.toLowerCase()} (${t.sources.slice(0, 2).map((s) => `${s.interactions} × ${s.label}`).join(', ')})`);
  return `score ${round(result.total)} over the last ${windowDays} days${parts.length ? `: ${parts.join(', ')}` : ': no interactions'}`;
}

const round = (n: number) => Math.round(n * 10) / 10;
