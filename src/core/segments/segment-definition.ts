import { z } from 'zod';
import type { FieldIssue } from '../errors.js';
import { CONDITION_KINDS, COMPUTED_VALUES, SUBJECT_KINDS, type Condition, type SubjectKind } from './conditions.js';
import { checkCondition } from './definition-rules.js';
import { NUMERIC_OPS, OPS } from './operators.js';

/**
 * The one schema of a segment definition. The API, the YAML files and the dashboard's forms
 * validate with `parseSegmentDefinition`. The zod schema checks the shape; the rules that
 * relate fields to each other (an operand for the operator, `atLeast <= atMost`, `contacts`
 * only for accounts) are checked after, in definition-rules.ts, once the shape is right.
 */
export interface SegmentDefinition {
  /** A slug: lowercase letters, digits and single hyphens between them (`active-enterprise`). */
  id: string;
  name: string;
  description?: string;
  subject: SubjectKind;
  condition: Condition;
}

/**
 * Windows are whole days so that `now - days * 86_400_000` is the same exact integer in
 * JavaScript, SQLite and PostgreSQL; 100,000 days keeps it far inside a 64-bit integer.
 */
export const MAX_DAYS = 100_000;

/**
 * A trend's percent stays within a million either way, so that `percent * previous` stays a
 * finite double for any realistic sum: PostgreSQL raises an error on overflow where
 * JavaScript would go on with Infinity.
 */
export const MAX_PERCENT = 1_000_000;

export const SEGMENT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DOTTED_NAME = /^[^.]+(?:\.[^.]+)*$/;

/** "is required" when the field is absent, otherwise what it must be. */
const expected = (what: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : what);

const text = z.string({ error: expected('must be a string') }).min(1, { error: 'must not be empty' });
const dottedName = text.regex(DOTTED_NAME, { error: 'must be a name, or names joined by single dots (address.city)' });
const count = z
  .number({ error: expected('must be a number') })
  .int({ error: 'must be a whole number' })
  .min(0, { error: 'must not be negative' });
const days = z
  .number({ error: expected('must be a number') })
  .int({ error: 'must be a whole number of days' })
  .min(1, { error: 'must be at least 1 day' })
  .max(MAX_DAYS, { error: `must be at most ${MAX_DAYS} days` });
const op = z.enum(OPS, { error: expected(`must be one of ${OPS.join(', ')}`) });
const operand = z.unknown().optional();

const propertyFilter = z.strictObject({ property: dottedName, op, value: operand }, { error: expected('must be an object') });

const conditionObject = z.strictObject(
  {
    all: z.array(z.lazy(() => conditionSchema), { error: 'must be a list of conditions' }).optional(),
    any: z.array(z.lazy(() => conditionSchema), { error: 'must be a list of conditions' }).optional(),
    not: z.lazy(() => conditionSchema).optional(),
    trait: z.strictObject({ name: dottedName, op, value: operand }, { error: expected('must be an object') }).optional(),
    event: z
      .strictObject(
        {
          name: text,
          where: z.array(propertyFilter, { error: 'must be a list of property filters' }).optional(),
          atLeast: count.optional(),
          atMost: count.optional(),
          withinDays: days.optional(),
        },
        { error: expected('must be an object') },
      )
      .optional(),
    firstSeen: z.strictObject({ withinDays: days.optional(), olderThanDays: days.optional() }, { error: expected('must be an object') }).optional(),
    lastSeen: z.strictObject({ withinDays: days.optional(), olderThanDays: days.optional() }, { error: expected('must be an object') }).optional(),
    computed: z
      .strictObject(
        {
          name: z.enum(COMPUTED_VALUES, { error: expected(`must be one of ${COMPUTED_VALUES.join(', ')}`) }),
          op,
          value: z.number({ error: expected('must be a number') }).refine(Number.isFinite, { error: 'must be a finite number' }),
          withinDays: days.optional(),
        },
        { error: expected('must be an object') },
      )
      .optional(),
    trend: z
      .strictObject(
        {
          name: z.enum(COMPUTED_VALUES, { error: expected(`must be one of ${COMPUTED_VALUES.join(', ')}`) }),
          event: text.optional(),
          periodDays: days,
          op: z.enum(NUMERIC_OPS, { error: expected(`must be one of ${NUMERIC_OPS.join(', ')} for a trend`) }),
          percent: z
            .number({ error: expected('must be a number') })
            .min(-MAX_PERCENT, { error: `must be at least -${MAX_PERCENT}` })
            .max(MAX_PERCENT, { error: `must be at most ${MAX_PERCENT}` }),
        },
        { error: expected('must be an object') },
      )
      .optional(),
    segment: z
      .strictObject(
        {
          id: text.regex(SEGMENT_ID, { error: 'must be a segment id (lowercase letters, digits, hyphens)' }),
          in: z.boolean({ error: 'must be true or false' }).optional(),
        },
        { error: expected('must be an object') },
      )
      .optional(),
    contacts: z
      .strictObject(
        { atLeast: count.optional(), atMost: count.optional(), condition: z.lazy(() => conditionSchema) },
        { error: expected('must be an object') },
      )
      .optional(),
  },
  { error: expected(`must be a condition: an object with one of ${CONDITION_KINDS.join(', ')}`) },
);

/**
 * A condition: one of the keys above, exactly. The object is parsed with every kind optional
 * so that an issue deep in the tree keeps its exact path (a union would report "no variant
 * matched" at the top), then narrowed to the single key that is present.
 */
export const conditionSchema: z.ZodType<Condition> = conditionObject
  .superRefine((value, ctx) => {
    const kinds = CONDITION_KINDS.filter((kind) => value[kind] !== undefined);
    if (kinds.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message:
          kinds.length === 0
            ? `must have one of ${CONDITION_KINDS.join(', ')}`
            : `has ${kinds.join(' and ')}, but a condition has exactly one kind`,
      });
    }
  })
  .transform((value) => {
    const kind = CONDITION_KINDS.find((k) => value[k] !== undefined)!;
    return { [kind]: value[kind] } as Condition;
  }) as unknown as z.ZodType<Condition>;

export const segmentDefinitionSchema = z.strictObject(
  {
    id: text.max(64, { error: 'must be at most 64 characters' }).regex(SEGMENT_ID, {
      error: 'must be lowercase letters, digits and single hyphens, e.g. active-enterprise',
    }),
    name: text.max(200, { error: 'must be at most 200 characters' }),
    description: z.string({ error: 'must be a string' }).max(2000, { error: 'must be at most 2000 characters' }).optional(),
    subject: z.enum(SUBJECT_KINDS, { error: expected(`must be one of ${SUBJECT_KINDS.join(', ')}`) }),
    condition: conditionSchema,
  },
  { error: expected('must be an object') },
);

export type ParseSegmentResult = { ok: true; definition: SegmentDefinition } | { ok: false; issues: FieldIssue[] };

/** Checks a segment definition from the API, a YAML file or a form; never throws. */
export function parseSegmentDefinition(input: unknown): ParseSegmentResult {
  const parsed = segmentDefinitionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.flatMap(toFieldIssues) };
  const definition: SegmentDefinition = parsed.data;
  const issues = checkCondition(definition.condition, 'condition', definition.subject);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, definition };
}

function toFieldIssues(issue: z.core.$ZodIssue): FieldIssue[] {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: path ? `${path}.${key}` : key, message: 'is not a known field' }));
  }
  return [{ path: path || '(definition)', message: issue.message }];
}
