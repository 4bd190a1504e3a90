import type { FieldIssue } from '../errors.js';
import { assertNever } from '../errors.js';
import { tagCondition, type Condition, type SubjectKind } from './conditions.js';
import { isScalar, NUMERIC_OPS, type Op } from './operators.js';

/**
 * The rules of a segment definition that relate fields to each other, checked once the shape
 * is valid. Each issue names the path of the field to fix, e.g. `condition.all.2.event.atLeast`.
 */
export function checkCondition(condition: Condition, path: string, subject: SubjectKind): FieldIssue[] {
  const tagged = tagCondition(condition);
  const here = `${path}.${tagged.kind}`;
  switch (tagged.kind) {
    case 'all':
    case 'any':
      return tagged.body.flatMap((child, i) => checkCondition(child, `${here}.${i}`, subject));
    case 'not':
      return checkCondition(tagged.body, here, subject);
    case 'trait':
      return checkOperand(tagged.body.op, tagged.body, here);
    case 'event':
      return [
        ...(tagged.body.where ?? []).flatMap((filter, i) => checkOperand(filter.op, filter, `${here}.where.${i}`)),
        ...checkBounds(tagged.body, here),
      ];
    case 'firstSeen':
    case 'lastSeen': {
      const { withinDays, olderThanDays } = tagged.body;
      if (withinDays === undefined && olderThanDays === undefined) {
        return [{ path: here, message: 'must have withinDays, olderThanDays or both' }];
      }
      if (withinDays !== undefined && olderThanDays !== undefined && withinDays <= olderThanDays) {
        return [{ path: `${here}.withinDays`, message: `must be more than olderThanDays (${olderThanDays}), or no time can match` }];
      }
      return [];
    }
    case 'computed':
      return (NUMERIC_OPS as readonly Op[]).includes(tagged.body.op)
        ? []
        : [{ path: `${here}.op`, message: `must be one of ${NUMERIC_OPS.join(', ')} for a computed value` }];
    case 'trend':
      // The schema already allows only numeric operators here: nothing relates its fields.
    case 'segment':
      return [];
    case 'contacts':
      if (subject !== 'account') return [{ path: here, message: 'is only allowed in account segments' }];
      // Inside, each contact is the subject: a nested `contacts` is refused by the same rule.
      return [...checkBounds(tagged.body, here), ...checkCondition(tagged.body.condition, `${here}.condition`, 'contact')];
    default:
      return assertNever(tagged);
  }
}

function checkOperand(op: Op, body: { value?: unknown }, path: string): FieldIssue[] {
  const value = body.value;
  const issue = (message: string) => [{ path: `${path}.value`, message }];
  switch (op) {
    case 'exists':
    case 'notExists':
      return 'value' in body ? issue(`must be left out for ${op}`) : [];
    case 'eq':
    case 'neq':
    case 'contains':
      if (value === undefined) return issue(`is required for ${op}`);
      return isScalar(value) ? [] : issue(`must be a string, a number or true/false for ${op}`);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      if (value === undefined) return issue(`is required for ${op}`);
      return typeof value === 'number' && Number.isFinite(value) ? [] : issue(`must be a number for ${op}`);
    case 'startsWith':
      if (value === undefined) return issue(`is required for ${op}`);
      return typeof value === 'string' ? [] : issue(`must be a string for ${op}`);
    case 'in':
      if (value === undefined) return issue('is required for in');
      if (!Array.isArray(value) || value.length === 0) return issue('must be a non-empty list for in');
      return value.flatMap((option, i) =>
        isScalar(option) ? [] : [{ path: `${path}.value.${i}`, message: 'must be a string, a number or true/false' }],
      );
    default:
      return assertNever(op);
  }
}

function checkBounds(body: { atLeast?: number; atMost?: number }, path: string): FieldIssue[] {
  if (body.atLeast !== undefined && body.atMost !== undefined && body.atLeast > body.atMost) {
    return [{ path: `${path}.atLeast`, message: `must not be more than atMost (${body.atMost})` }];
  }
  return [];
}
