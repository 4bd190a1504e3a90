import type { Condition, EventCondition, Op, PropertyFilter } from '../api-client';

/** How each operator reads in a sentence; typed by `Op`, so a new operator must be named here. */
export const OP_LABELS: Record<Op, string> = {
  eq: 'equals',
  neq: 'does not equal',
  gt: 'is more than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
  contains: 'contains',
  startsWith: 'starts with',
  in: 'is one of',
  exists: 'is present',
  notExists: 'is missing',
};

/** The operators whose condition has no operand. */
export const OPERANDLESS: readonly Op[] = ['exists', 'notExists'];

/** The condition's one key, e.g. `trait` for `{ trait: {...} }`. */
export function kindOf(condition: Condition): string {
  return Object.keys(condition)[0] ?? '';
}

/** The body under the condition's one key. */
export function bodyOf<T>(condition: Condition): T {
  return (condition as unknown as Record<string, T>)[kindOf(condition)]!;
}

const operand = (value: unknown) => (Array.isArray(value) ? value.map((v) => JSON.stringify(v)).join(', ') : JSON.stringify(value));
const comparison = (subject: string, op: Op, value: unknown) => `${subject} ${OP_LABELS[op] ?? op}${OPERANDLESS.includes(op) ? '' : ` ${operand(value)}`}`;
const window = (days?: number) => (days ? ` in the last ${days} days` : '');

function bounds({ atLeast, atMost }: { atLeast?: number; atMost?: number }): string {
  if (atMost === 0) return 'never';
  if (atLeast !== undefined && atMost !== undefined) return `${atLeast} to ${atMost} times`;
  if (atMost !== undefined) return `at most ${atMost} times`;
  return atLeast === undefined || atLeast === 1 ? 'at least once' : `at least ${atLeast} times`;
}

function eventLine(event: EventCondition): string {
  const where = (event.where ?? []).map((f: PropertyFilter) => comparison(f.property, f.op, f.value));
  return `performed “${event.name}” ${bounds(event)}${window(event.withinDays)}${where.length > 0 ? ` where ${where.join(' and ')}` : ''}`;
}

function seenLine(which: string, seen: { withinDays?: number; olderThanDays?: number }): string {
  const parts = [seen.withinDays ? `within ${seen.withinDays} days` : null, seen.olderThanDays ? `more than ${seen.olderThanDays} days ago` : null].filter(Boolean);
  return `${which} seen ${parts.join(' and ') || 'ever'}`;
}

/** One line for a leaf condition; groups are drawn by `ConditionSummary`. */
export function describeLeaf(condition: Condition, segmentName: (id: string) => string): string {
  const kind = kindOf(condition);
  switch (kind) {
    case 'trait': {
      const t = bodyOf<{ name: string; op: Op; value?: unknown }>(condition);
      return comparison(t.name, t.op, t.value);
    }
    case 'event':
      return eventLine(bodyOf<EventCondition>(condition));
    case 'firstSeen':
      return seenLine('first', bodyOf(condition));
    case 'lastSeen':
      return seenLine('last', bodyOf(condition));
    case 'computed': {
      const c = bodyOf<{ name: string; op: Op; value: number; withinDays?: number }>(condition);
      return `${comparison(c.name === 'eventCount' ? 'number of interactions' : c.name, c.op, c.value)}${window(c.withinDays)}`;
    }
    case 'segment': {
      const s = bodyOf<{ id: string; in?: boolean }>(condition);
      return `${s.in === false ? 'not in' : 'in'} segment “${segmentName(s.id)}”`;
    }
    default:
      // Kinds without a sentence yet are shown as they are written.
      return JSON.stringify(condition);
  }
}

/** A condition tree as nested sentences, for reading a segment without its JSON. */
export function ConditionSummary({ condition, segmentName }: { condition: Condition; segmentName: (id: string) => string }) {
  const kind = kindOf(condition);
  if (kind === 'all' || kind === 'any') {
    const children = bodyOf<Condition[]>(condition);
    if (children.length === 0) return <span className="muted">{kind === 'all' ? 'Everyone' : 'No one'}</span>;
    return (
      <div className="summary-group">
        <span className="summary-label">{kind === 'all' ? 'All of' : 'Any of'}</span>
        <ul>
          {children.map((child, index) => (
            <li key={index}>
              <ConditionSummary condition={child} segmentName={segmentName} />
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (kind === 'not') {
    return (
      <div className="summary-group">
        <span className="summary-label">Not</span>
        <ul>
          <li>
            <ConditionSummary condition={bodyOf<Condition>(condition)} segmentName={segmentName} />
          </li>
        </ul>
      </div>
    );
  }
  if (kind === 'contacts') {
    const c = bodyOf<{ atLeast?: number; atMost?: number; condition: Condition }>(condition);
    const count = c.atMost === 0 ? 'No contact' : c.atLeast !== undefined && c.atLeast > 1 ? `At least ${c.atLeast} contacts` : c.atMost !== undefined ? `At most ${c.atMost} contacts` : 'At least one contact';
    return (
      <div className="summary-group">
        <span className="summary-label">{count} with</span>
        <ul>
          <li>
            <ConditionSummary condition={c.condition} segmentName={segmentName} />
          </li>
        </ul>
      </div>
    );
  }
  return <span className="summary-leaf">{describeLeaf(condition, segmentName)}</span>;
}
