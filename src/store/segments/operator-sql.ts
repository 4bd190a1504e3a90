import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { assertNever } from '../../core/errors.js';
import { isScalar, NUMERIC_OPS, type NumericOp, type Op, type Scalar } from '../../core/segments/operators.js';
import type { JsonSql, JsonValueSql } from '../dialects/dialect.js';

/** A value a condition reads; `elements` lists an array's elements, for `contains`. */
export interface ValueSql extends JsonValueSql {
  readonly elements?: () => { from: RawBuilder<unknown>; element: JsonValueSql };
}

/**
 * `applyOperator` (core/segments/operators.ts) as SQL over one value: the same rules, read
 * there. The result is never NULL, so `not` flips it as the reference does. Operands are
 * always bind parameters.
 */
export function operatorSql(json: JsonSql, value: ValueSql, op: Op, operand: unknown): RawBuilder<SqlBool> {
  return sql<SqlBool>`coalesce(${compare(json, value, op, operand)}, false)`;
}

const FALSE = sql<SqlBool>`false`;

/** A number bind parameter; the cast keeps PostgreSQL from guessing an integer type. */
export function numberParam(n: number): RawBuilder<number> {
  return sql<number>`cast(${n} as double precision)`;
}

function compare(json: JsonSql, value: ValueSql, op: Op, operand: unknown): RawBuilder<SqlBool> {
  const present = sql<SqlBool>`(${value.type} is not null and ${value.type} <> 'null')`;
  switch (op) {
    case 'exists':
      return present;
    case 'notExists':
      return sql<SqlBool>`not ${present}`;
    case 'eq':
      return isScalar(operand) ? equals(json, value, operand) : FALSE;
    case 'neq':
      return isScalar(operand) ? sql<SqlBool>`(${present} and not ${equals(json, value, operand)})` : FALSE;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      if (typeof operand !== 'number' || !Number.isFinite(operand)) return FALSE;
      return sql<SqlBool>`(${numeric(json, value)} ${sql.raw(NUMBER_COMPARISONS[op])} ${numberParam(operand)})`;
    case 'contains': {
      if (!isScalar(operand)) return FALSE;
      const inText = typeof operand === 'string' ? sql<SqlBool>`(${value.type} = 'string' and ${json.textContains(value.text, sql.val(operand))})` : FALSE;
      return sql<SqlBool>`(${inText} or (${value.type} = 'array' and ${arrayContains(json, value, operand)}))`;
    }
    case 'startsWith':
      if (typeof operand !== 'string') return FALSE;
      return sql<SqlBool>`(${value.type} = 'string' and substr(${value.text}, 1, length(cast(${operand} as text))) = ${operand})`;
    case 'in': {
      const options = Array.isArray(operand) ? operand.filter(isScalar) : [];
      if (options.length === 0) return FALSE;
      return sql<SqlBool>`(${sql.join(options.map((option) => equals(json, value, option)), sql` or `)})`;
    }
    default:
      return assertNever(op);
  }
}

const NUMBER_COMPARISONS = { eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const satisfies Record<NumericOp, string>;

/**
 * `left op right` on two numbers computed in SQL, as `applyOperator` compares two numbers;
 * both sides must be non-NULL doubles. An operator that is not numeric is false, as there.
 */
export function numberComparisonSql(left: RawBuilder<number>, op: NumericOp, right: RawBuilder<number>): RawBuilder<SqlBool> {
  if (!(NUMERIC_OPS as readonly string[]).includes(op)) return FALSE;
  return sql<SqlBool>`(${left} ${sql.raw(NUMBER_COMPARISONS[op])} ${right})`;
}

/** `eq` on one operand: never NULL. */
function equals(json: JsonSql, value: JsonValueSql, operand: Scalar): RawBuilder<SqlBool> {
  if (typeof operand === 'number') return sql<SqlBool>`coalesce(${numeric(json, value)} = ${numberParam(operand)}, false)`;
  if (typeof operand === 'boolean') return sql<SqlBool>`coalesce(${value.type} = ${operand ? 'true' : 'false'}, false)`;
  return sql<SqlBool>`coalesce(${value.type} = 'string' and ${value.text} = ${operand}, false)`;
}

/** The number a value stands for: a JSON number, or a string in plain decimal form; else NULL. */
function numeric(json: JsonSql, value: JsonValueSql): RawBuilder<number | null> {
  return sql<number | null>`(case when ${value.type} = 'number' then ${value.number} when ${value.type} = 'string' and ${json.isDecimalText(value.text)} then ${json.textToNumber(value.text)} end)`;
}

/** Some element of the array `eq`s the operand. */
function arrayContains(json: JsonSql, value: ValueSql, operand: Scalar): RawBuilder<SqlBool> {
  if (!value.elements) return FALSE;
  const { from, element } = value.elements();
  return sql<SqlBool>`exists (select 1 from ${from} where ${equals(json, element, operand)})`;
}
