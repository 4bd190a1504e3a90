import { assertNever } from '../errors.js';

/**
 * The operators of trait, property and computed conditions, one precise meaning each. The
 * SQL evaluator in the store must give the same answer as `applyOperator` on every input, so
 * each rule below is one a query on SQLite and PostgreSQL can express.
 *
 * - Missing: an absent key and JSON `null` are both missing (a JSON path read in SQL cannot
 *   tell them apart). On a missing value every operator is false except `notExists`; `neq`
 *   is false too, as in SQL (`NULL <> 'x'` is not true). `not { trait }` is the way to
 *   include profiles without the trait, because conditions are two-valued.
 * - Present: everything else, including `''`, `0`, `false`, `[]` and `{}`.
 * - Numbers: a finite JSON number, or a string in the plain decimal form `-?digits(.digits)?`
 *   ("42", "-3.5", "007"; not " 42", "+1", "1e3", ".5", "0x10", "") whose value is finite as a
 *   double. Booleans are never numbers, though SQLite reads JSON true as 1.
 * - `eq`: with a number operand, the actual value is a number (as above) and numerically
 *   equal, so the trait "42" equals 42 and "42.0" equals 42. With a string operand, the
 *   actual value is a string with exactly the same characters: case-sensitive, no trimming,
 *   and a number 42 does not equal "42" (number formatting differs between databases). With
 *   a boolean operand, the actual value is that boolean.
 * - `neq`: present and not `eq`. A value of another type (the number 5 against "pro", an
 *   array, an object) is not equal, so `neq` holds.
 * - `gt`, `gte`, `lt`, `lte`: the actual value is a number (as above) and the operand is a
 *   finite number; anything else is false. Strings are never ordered, ISO dates included:
 *   dates are compared as epoch milliseconds (account `renewalDate` is one).
 * - `contains`: on a string, the string operand is a substring (case-sensitive, so not SQLite's
 *   LIKE, which ignores ASCII case; `''` is in every string). On an array, some element
 *   `eq`s the operand. Otherwise false.
 * - `startsWith`: the actual value and the operand are strings and the value begins with
 *   the operand (case-sensitive).
 * - `in`: the operand is a list of strings, numbers and booleans and the actual value `eq`s
 *   one of them. An array value is never `in` a list.
 * - `exists` / `notExists`: present / missing; they take no operand.
 *
 * An operand the schema would reject (a string for `gt`, no list for `in`) makes the operator
 * false instead of throwing, so a caller that skips validation gets no surprises either.
 */
export const OPS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'contains', 'startsWith', 'in', 'exists', 'notExists'] as const;
export type Op = (typeof OPS)[number];

/** The operators that compare numbers, the only ones allowed on computed values. */
export const NUMERIC_OPS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'] as const satisfies readonly Op[];
export type NumericOp = (typeof NUMERIC_OPS)[number];

export type Scalar = string | number | boolean;

/** The plain decimal form a string must have to count as a number. */
export const NUMERIC_STRING = /^-?\d+(?:\.\d+)?$/;

export function isMissing(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

export function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/** The number a value stands for under the rules above, or null if it is not one. */
export function numericValue(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || !NUMERIC_STRING.test(value)) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** `eq` on one operand; false for a missing value. */
export function scalarEquals(actual: unknown, expected: Scalar): boolean {
  if (typeof expected === 'number') {
    const n = numericValue(actual);
    return n !== null && n === expected;
  }
  return actual === expected;
}

/** Whether `actual op operand` holds, under the rules at the top of this file. */
export function applyOperator(actual: unknown, op: Op, operand: unknown): boolean {
  if (op === 'exists') return !isMissing(actual);
  if (op === 'notExists') return isMissing(actual);
  if (isMissing(actual)) return false;
  switch (op) {
    case 'eq':
      return isScalar(operand) && scalarEquals(actual, operand);
    case 'neq':
      return isScalar(operand) && !scalarEquals(actual, operand);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return compareNumbers(numericValue(actual), op, operand);
    case 'contains':
      if (typeof actual === 'string') return typeof operand === 'string' && actual.includes(operand);
      if (Array.isArray(actual)) return isScalar(operand) && actual.some((element) => scalarEquals(element, operand));
      return false;
    case 'startsWith':
      return typeof actual === 'string' && typeof operand === 'string' && actual.startsWith(operand);
    case 'in':
      return Array.isArray(operand) && operand.some((option) => isScalar(option) && scalarEquals(actual, option));
    default:
      return assertNever(op);
  }
}

function compareNumbers(actual: number | null, op: 'gt' | 'gte' | 'lt' | 'lte', operand: unknown): boolean {
  if (actual === null || typeof operand !== 'number' || !Number.isFinite(operand)) return false;
  switch (op) {
    case 'gt':
      return actual > operand;
    case 'gte':
      return actual >= operand;
    case 'lt':
      return actual < operand;
    case 'lte':
      return actual <= operand;
    default:
      return assertNever(op);
  }
}

/**
 * Reads `address.city` from a record: each dot steps into a nested object. Only own keys of
 * plain objects are followed; an array, a string or a missing key on the way makes the value
 * missing (SQLite and PostgreSQL index arrays differently, so paths never do). A key that
 * itself contains a dot cannot be addressed.
 */
export function readPath(record: Record<string, unknown>, path: string): unknown {
  let current: unknown = record;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
