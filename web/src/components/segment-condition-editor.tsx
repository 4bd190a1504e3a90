import type { Condition, EventCondition, FieldIssue, Op, PropertyFilter, SegmentDefinition, SubjectKind } from '../api-client';
import { Icon } from './icon';
import { bodyOf, kindOf, OPERANDLESS } from './segment-condition-summary';
import { FieldIssues, NumberField, OP_OPTIONS, OperandField, SelectField, TextField, formatOperand, parseOperand } from './segment-fields';

/**
 * The condition tree as forms: groups (all, any, not, and for accounts a contacts roll-up)
 * hold conditions; leaves are traits, events, first/last seen, computed values and segment
 * references. Kinds without a form here are shown as JSON, to be edited in the JSON view.
 */

export interface EditorContext {
  issues: readonly FieldIssue[];
  /** Segments a reference may name (the one being edited is left out). */
  segments: readonly SegmentDefinition[];
}

/** Account fields the store keeps as columns; offered as trait names for account segments. */
const ACCOUNT_FIELDS = ['plan', 'mrr', 'contractValue', 'industry', 'employees', 'complexity', 'renewalDate', 'ownerEmail', 'name'];
const CONTACT_TRAITS = ['email', 'name', 'title', 'plan', 'createdAt'];

const KIND_LABELS: Record<string, string> = {
  all: 'All of',
  any: 'Any of',
  not: 'Not',
  trait: 'Trait',
  event: 'Event',
  firstSeen: 'First seen',
  lastSeen: 'Last seen',
  computed: 'Computed',
  segment: 'Segment',
  contacts: 'Contacts',
};

/** The kinds a person can add, with the condition each starts as. */
function addable(subject: SubjectKind, segments: readonly SegmentDefinition[]): { kind: string; label: string; make: () => Condition }[] {
  const firstSegment = segments.find((s) => s.subject === subject)?.id ?? '';
  return [
    { kind: 'trait', label: subject === 'account' ? 'Trait or field' : 'Trait', make: () => ({ trait: { name: '', op: 'eq', value: '' } }) },
    { kind: 'event', label: 'Event', make: () => ({ event: { name: '' } }) },
    { kind: 'lastSeen', label: 'Last seen', make: () => ({ lastSeen: { withinDays: 30 } }) },
    { kind: 'firstSeen', label: 'First seen', make: () => ({ firstSeen: { withinDays: 30 } }) },
    { kind: 'computed', label: 'Revenue or interactions', make: () => ({ computed: { name: 'revenue', op: 'gte', value: 0 } }) },
    { kind: 'segment', label: 'In another segment', make: () => ({ segment: { id: firstSegment } }) },
    ...(subject === 'account' ? [{ kind: 'contacts', label: 'Contacts who…', make: (): Condition => ({ contacts: { atLeast: 1, condition: { all: [] } } }) }] : []),
    { kind: 'all', label: 'Group: all of', make: () => ({ all: [] }) },
    { kind: 'any', label: 'Group: any of', make: () => ({ any: [] }) },
    { kind: 'not', label: 'Not…', make: () => ({ not: { all: [] } }) },
  ];
}

interface EditorProps {
  condition: Condition;
  path: string;
  subject: SubjectKind;
  context: EditorContext;
  onChange: (condition: Condition) => void;
  onRemove?: () => void;
}

/** One condition and, for groups, everything inside it. */
export function ConditionEditor(props: EditorProps) {
  const { condition, path, context, onRemove } = props;
  const kind = kindOf(condition);
  const group = kind === 'all' || kind === 'any' || kind === 'not' || kind === 'contacts';
  return (
    <div className={group ? 'condition condition-group' : 'condition'} data-kind={kind}>
      <div className="condition-head">
        <span className="condition-kind">{KIND_LABELS[kind] ?? kind}</span>
        {(kind === 'all' || kind === 'any') && <GroupSwitch {...props} />}
        {onRemove && (
          <button type="button" className="icon-button condition-remove" aria-label="Remove condition" title="Remove condition" onClick={onRemove}>
            <Icon name="close" size={14} />
          </button>
        )}
      </div>
      <ConditionBody {...props} />
      <FieldIssues issues={context.issues} path={path} />
      <FieldIssues issues={context.issues} path={`${path}.${kind}`} />
    </div>
  );
}

/** All ⇄ any, keeping the conditions inside. */
function GroupSwitch({ condition, onChange }: EditorProps) {
  const kind = kindOf(condition);
  const children = bodyOf<Condition[]>(condition);
  return (
    <select className="input input-inline" aria-label="Match" value={kind} onChange={(e) => onChange((e.target.value === 'all' ? { all: children } : { any: children }) as Condition)}>
      <option value="all">every condition holds</option>
      <option value="any">at least one holds</option>
    </select>
  );
}

function ConditionBody(props: EditorProps) {
  const { condition, path, subject, context, onChange } = props;
  const kind = kindOf(condition);
  const at = `${path}.${kind}`;
  switch (kind) {
    case 'all':
    case 'any': {
      const children = bodyOf<Condition[]>(condition);
      const set = (next: Condition[]) => onChange((kind === 'all' ? { all: next } : { any: next }) as Condition);
      return (
        <div className="condition-children">
          {children.length === 0 && <p className="muted small condition-empty">{kind === 'all' ? 'No conditions: everyone matches.' : 'No conditions: nobody matches.'}</p>}
          {children.map((child, index) => (
            <ConditionEditor
              key={index}
              condition={child}
              path={`${at}.${index}`}
              subject={subject}
              context={context}
              onChange={(next) => set(children.map((c, i) => (i === index ? next : c)))}
              onRemove={() => set(children.filter((_, i) => i !== index))}
            />
          ))}
          <AddCondition subject={subject} context={context} onAdd={(added) => set([...children, added])} />
        </div>
      );
    }
    case 'not':
      return (
        <div className="condition-children">
          <ConditionEditor condition={bodyOf<Condition>(condition)} path={at} subject={subject} context={context} onChange={(next) => onChange({ not: next })} />
        </div>
      );
    case 'contacts': {
      const body = bodyOf<{ atLeast?: number; atMost?: number; condition: Condition }>(condition);
      const set = (next: Partial<typeof body>) => onChange({ contacts: withoutUndefined({ ...body, ...next }) } as Condition);
      return (
        <>
          <div className="condition-fields">
            <NumberField label="At least" path={`${at}.atLeast`} issues={context.issues} value={body.atLeast} placeholder="1" onChange={(atLeast) => set({ atLeast })} />
            <NumberField label="At most" path={`${at}.atMost`} issues={context.issues} value={body.atMost} placeholder="any" onChange={(atMost) => set({ atMost })} />
            <span className="condition-note">of the account’s contacts match</span>
          </div>
          <div className="condition-children">
            <ConditionEditor condition={body.condition} path={`${at}.condition`} subject="contact" context={context} onChange={(next) => set({ condition: next })} />
          </div>
        </>
      );
    }
    case 'trait': {
      const body = bodyOf<{ name: string; op: Op; value?: unknown }>(condition);
      const listId = `traits-${subject}`;
      return (
        <div className="condition-fields">
          <TextField label="Trait" path={`${at}.name`} issues={context.issues} value={body.name} list={listId} placeholder={subject === 'account' ? 'plan' : 'email'} onChange={(name) => onChange({ trait: { ...body, name } })} />
          <datalist id={listId}>
            {(subject === 'account' ? ACCOUNT_FIELDS : CONTACT_TRAITS).map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <OpField at={at} context={context} op={body.op} value={body.value} onChange={(op, value) => onChange({ trait: withoutUndefined({ ...body, op, value }) })} />
          <OperandField path={`${at}.value`} issues={context.issues} op={body.op} value={body.value} onChange={(value) => onChange({ trait: { ...body, value } })} />
        </div>
      );
    }
    case 'event':
      return <EventFields at={at} context={context} body={bodyOf<EventCondition>(condition)} onChange={(event) => onChange({ event })} />;
    case 'firstSeen':
    case 'lastSeen': {
      const body = bodyOf<{ withinDays?: number; olderThanDays?: number }>(condition);
      const set = (next: Partial<typeof body>) => onChange({ [kind]: withoutUndefined({ ...body, ...next }) } as Condition);
      return (
        <div className="condition-fields">
          <NumberField label="Within days" path={`${at}.withinDays`} issues={context.issues} value={body.withinDays} placeholder="any" onChange={(withinDays) => set({ withinDays })} />
          <NumberField label="Older than days" path={`${at}.olderThanDays`} issues={context.issues} value={body.olderThanDays} placeholder="any" onChange={(olderThanDays) => set({ olderThanDays })} />
        </div>
      );
    }
    case 'computed': {
      const body = bodyOf<{ name: 'revenue' | 'eventCount'; op: Op; value: number; withinDays?: number }>(condition);
      const set = (next: Partial<typeof body>) => onChange({ computed: withoutUndefined({ ...body, ...next }) } as Condition);
      return (
        <div className="condition-fields">
          <SelectField label="Value" path={`${at}.name`} issues={context.issues} value={body.name} options={[{ value: 'revenue', label: 'Revenue' }, { value: 'eventCount', label: 'Interactions' }]} onChange={(name) => set({ name })} />
          <SelectField label="Operator" path={`${at}.op`} issues={context.issues} value={body.op} options={OP_OPTIONS.filter((o) => ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'].includes(o.value))} onChange={(op) => set({ op })} />
          <NumberField label="Amount" path={`${at}.value`} issues={context.issues} value={body.value} onChange={(value) => set({ value: value ?? 0 })} />
          <NumberField label="Within days" path={`${at}.withinDays`} issues={context.issues} value={body.withinDays} placeholder="ever" onChange={(withinDays) => set({ withinDays })} />
        </div>
      );
    }
    case 'segment': {
      const body = bodyOf<{ id: string; in?: boolean }>(condition);
      const options = context.segments.filter((s) => s.subject === subject || s.id === body.id).map((s) => ({ value: s.id, label: s.name }));
      if (!options.some((o) => o.value === body.id)) options.unshift({ value: body.id, label: body.id || 'Choose a segment' });
      return (
        <div className="condition-fields">
          <SelectField label="Membership" path={`${at}.in`} issues={context.issues} value={body.in === false ? 'out' : 'in'} options={[{ value: 'in', label: 'is in' }, { value: 'out', label: 'is not in' }]} onChange={(v) => onChange({ segment: withoutUndefined({ ...body, in: v === 'out' ? false : undefined }) })} />
          <SelectField label="Segment" path={`${at}.id`} issues={context.issues} value={body.id} options={options} onChange={(id) => onChange({ segment: { ...body, id } })} />
        </div>
      );
    }
    default:
      return (
        <div className="condition-unknown">
          <pre className="mono">{JSON.stringify(condition, null, 2)}</pre>
          <p className="muted small">This kind of condition is edited in the JSON view.</p>
        </div>
      );
  }
}

/** The operator, re-reading the operand for the new one (a list for `in`, none for exists). */
function OpField({ at, context, op, value, onChange }: { at: string; context: EditorContext; op: Op; value: unknown; onChange: (op: Op, value: unknown) => void }) {
  return (
    <SelectField
      label="Operator"
      path={`${at}.op`}
      issues={context.issues}
      value={op}
      options={OP_OPTIONS}
      onChange={(next) => onChange(next, OPERANDLESS.includes(next) ? undefined : parseOperand(formatOperand(value), next))}
    />
  );
}

function EventFields({ at, context, body, onChange }: { at: string; context: EditorContext; body: EventCondition; onChange: (event: EventCondition) => void }) {
  const set = (next: Partial<EventCondition>) => onChange(withoutUndefined({ ...body, ...next }));
  const where = body.where ?? [];
  const setWhere = (next: PropertyFilter[]) => set({ where: next.length > 0 ? next : undefined });
  return (
    <>
      <div className="condition-fields">
        <TextField label="Event name" path={`${at}.name`} issues={context.issues} value={body.name} placeholder="Signed In" onChange={(name) => set({ name })} />
        <NumberField label="At least" path={`${at}.atLeast`} issues={context.issues} value={body.atLeast} placeholder="1" onChange={(atLeast) => set({ atLeast })} />
        <NumberField label="At most" path={`${at}.atMost`} issues={context.issues} value={body.atMost} placeholder="any" onChange={(atMost) => set({ atMost })} />
        <NumberField label="Within days" path={`${at}.withinDays`} issues={context.issues} value={body.withinDays} placeholder="ever" onChange={(withinDays) => set({ withinDays })} />
      </div>
      {where.map((filter, index) => {
        const fp = `${at}.where.${index}`;
        const put = (next: PropertyFilter) => setWhere(where.map((f, i) => (i === index ? next : f)));
        return (
          <div className="condition-fields condition-filter" key={index}>
            <span className="condition-note">where</span>
            <TextField label="Property" path={`${fp}.property`} issues={context.issues} value={filter.property} placeholder="plan" onChange={(property) => put({ ...filter, property })} />
            <OpField at={fp} context={context} op={filter.op} value={filter.value} onChange={(op, value) => put(withoutUndefined({ ...filter, op, value }))} />
            <OperandField path={`${fp}.value`} issues={context.issues} op={filter.op} value={filter.value} onChange={(value) => put({ ...filter, value })} />
            <button type="button" className="icon-button" aria-label="Remove property filter" title="Remove property filter" onClick={() => setWhere(where.filter((_, i) => i !== index))}>
              <Icon name="close" size={14} />
            </button>
          </div>
        );
      })}
      <FieldIssues issues={context.issues} path={`${at}.where`} />
      <button type="button" className="link-button condition-add-filter" onClick={() => setWhere([...where, { property: '', op: 'eq', value: '' }])}>
        + Property filter
      </button>
    </>
  );
}

function AddCondition({ subject, context, onAdd }: { subject: SubjectKind; context: EditorContext; onAdd: (condition: Condition) => void }) {
  const options = addable(subject, context.segments);
  return (
    <select
      className="input input-inline condition-add"
      aria-label="Add condition"
      value=""
      onChange={(e) => {
        const option = options.find((o) => o.kind === e.target.value);
        if (option) onAdd(option.make());
      }}
    >
      <option value="">+ Add condition…</option>
      {options.map((option) => (
        <option key={option.kind} value={option.kind}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

/** The same object without keys whose value is undefined: an emptied optional field is left out, not sent as null. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Every path the form shows issues at, so issues elsewhere (a shape the form cannot show)
 * are listed above it instead of being lost.
 */
export function formPaths(condition: Condition, path = 'condition'): string[] {
  const kind = kindOf(condition);
  const at = `${path}.${kind}`;
  const fields = (...names: string[]) => names.map((name) => `${at}.${name}`);
  const own = [path, at];
  switch (kind) {
    case 'all':
    case 'any':
      return [...own, ...bodyOf<Condition[]>(condition).flatMap((child, index) => formPaths(child, `${at}.${index}`))];
    case 'not':
      return [...own, ...formPaths(bodyOf<Condition>(condition), at)];
    case 'contacts':
      return [...own, ...fields('atLeast', 'atMost'), ...formPaths(bodyOf<{ condition: Condition }>(condition).condition, `${at}.condition`)];
    case 'trait':
      return [...own, ...fields('name', 'op', 'value')];
    case 'event':
      return [...own, ...fields('name', 'atLeast', 'atMost', 'withinDays', 'where'), ...(bodyOf<EventCondition>(condition).where ?? []).flatMap((_, i) => fields(`where.${i}.property`, `where.${i}.op`, `where.${i}.value`))];
    case 'firstSeen':
    case 'lastSeen':
      return [...own, ...fields('withinDays', 'olderThanDays')];
    case 'computed':
      return [...own, ...fields('name', 'op', 'value', 'withinDays')];
    case 'segment':
      return [...own, ...fields('id', 'in')];
    default:
      return [];
  }
}
