import { useEffect, useState, type ReactNode } from 'react';
import type { FieldIssue, Op } from '../api-client';
import { OP_LABELS, OPERANDLESS } from './segment-condition-summary';

/**
 * The inputs of the segment builder. Each field is named by its path in the definition
 * (`condition.all.0.trait.op`), which is also its element id and where the API's issues for
 * it are shown, so a problem appears next to the field that caused it.
 */

/** The API's issues for exactly this path. */
export function FieldIssues({ issues, path }: { issues: readonly FieldIssue[]; path: string }) {
  const mine = issues.filter((issue) => issue.path === path);
  if (mine.length === 0) return null;
  return (
    <div className="field-issue" role="alert" data-path={path}>
      {mine.map((issue) => issue.message).join('; ')}
    </div>
  );
}

export const fieldId = (path: string) => `field-${path}`;

/** A labelled field with its issues below it. */
export function Field({ label, path, issues, children, wide }: { label: string; path: string; issues: readonly FieldIssue[]; children: ReactNode; wide?: boolean }) {
  const invalid = issues.some((issue) => issue.path === path);
  return (
    <div className={`builder-field${wide ? ' builder-field-wide' : ''}${invalid ? ' builder-field-invalid' : ''}`}>
      <label htmlFor={fieldId(path)}>{label}</label>
      {children}
      <FieldIssues issues={issues} path={path} />
    </div>
  );
}

export function TextField({ label, path, issues, value, onChange, placeholder, list, wide, disabled }: { label: string; path: string; issues: readonly FieldIssue[]; value: string; onChange: (value: string) => void; placeholder?: string; list?: string; wide?: boolean; disabled?: boolean }) {
  return (
    <Field label={label} path={path} issues={issues} wide={wide}>
      <input id={fieldId(path)} className="input" value={value} placeholder={placeholder} list={list} disabled={disabled} onChange={(e) => onChange(e.target.value)} />
    </Field>
  );
}

/** A whole number, or nothing when left empty (the schema's default applies). */
export function NumberField({ label, path, issues, value, onChange, placeholder }: { label: string; path: string; issues: readonly FieldIssue[]; value: number | undefined; onChange: (value: number | undefined) => void; placeholder?: string }) {
  return (
    <Field label={label} path={path} issues={issues}>
      <input
        id={fieldId(path)}
        className="input input-number"
        type="number"
        value={value ?? ''}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
    </Field>
  );
}

export function SelectField<T extends string>({ label, path, issues, value, options, onChange }: { label: string; path: string; issues: readonly FieldIssue[]; value: T; options: readonly { value: T; label: string }[]; onChange: (value: T) => void }) {
  return (
    <Field label={label} path={path} issues={issues}>
      <select id={fieldId(path)} className="input" value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export const OP_OPTIONS = (Object.keys(OP_LABELS) as Op[]).map((op) => ({ value: op, label: OP_LABELS[op] }));

/**
 * An operand as typed: `42` and `-3.5` are numbers, `true`/`false` booleans, anything else
 * text; with `in`, a comma-separated list of those. Text that looks like a number is sent as
 * a number, which matches both 42 and "42" (see the operators); the JSON view can send the
 * string instead.
 */
export function parseOperand(text: string, op: Op): unknown {
  const scalar = (part: string): unknown => {
    const trimmed = part.trim();
    if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
    if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
    return op === 'in' ? trimmed : part;
  };
  return op === 'in' ? text.split(',').filter((part) => part.trim() !== '').map(scalar) : scalar(text);
}

export function formatOperand(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => String(v)).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * The operand of an operator. It keeps the text as typed, so `1.` on the way to `1.5` is
 * not rewritten to `1`, and takes the value from outside only when it means something else.
 */
export function OperandField({ path, issues, op, value, onChange }: { path: string; issues: readonly FieldIssue[]; op: Op; value: unknown; onChange: (value: unknown) => void }) {
  const [text, setText] = useState(() => formatOperand(value));
  useEffect(() => {
    if (JSON.stringify(parseOperand(text, op)) !== JSON.stringify(value)) setText(formatOperand(value));
    // Only an outside change of the value resets the text.
  }, [value]);
  if (OPERANDLESS.includes(op)) return null;
  return (
    <Field label="Value" path={path} issues={issues}>
      <input
        id={fieldId(path)}
        className="input"
        value={text}
        placeholder={op === 'in' ? 'a, b, c' : 'value'}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseOperand(e.target.value, op));
        }}
      />
    </Field>
  );
}
