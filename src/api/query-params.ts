import type { Context } from 'hono';
import { validationError } from '../core/errors.js';

/** An integer query parameter within [min, max]; a bad value is a 400 naming the parameter. */
export function intParam(c: Context, name: string, options: { min: number; max: number; fallback: number }): number {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return options.fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < options.min || value > options.max) {
    throw validationError(`invalid query parameter ${name}`, [{ path: name, message: `must be an integer from ${options.min} to ${options.max}` }]);
  }
  return value;
}

export function numberParam(c: Context, name: string): number | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw validationError(`invalid query parameter ${name}`, [{ path: name, message: 'must be a number' }]);
  return value;
}

export function enumParam<T extends string>(c: Context, name: string, allowed: readonly T[]): T | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  if (!(allowed as readonly string[]).includes(raw)) throw validationError(`invalid query parameter ${name}`, [{ path: name, message: `must be one of ${allowed.join(', ')}` }]);
  return raw as T;
}

/** An ISO-8601 date (or time) query parameter as ms since the epoch; a bad one is a 400 naming it. */
export function dateParam(c: Context, name: string): number | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  const ms = Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(ms)) throw validationError(`invalid query parameter ${name}`, [{ path: name, message: 'must be an ISO-8601 date, e.g. 2026-01-31' }]);
  return ms;
}
