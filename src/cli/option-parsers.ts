import { InvalidArgumentError } from 'commander';

/** Commander argument parsers: a bad value stops the command, naming the option and why. */

export function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('must be a whole number');
  return n;
}

export function positive(value: string): number {
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n)) throw new InvalidArgumentError('must be a positive number');
  return n;
}

export function nonNegative(value: string): number {
  const n = Number(value);
  if (!(n >= 0) || !Number.isFinite(n) || value.trim() === '') throw new InvalidArgumentError('must be a number, 0 or more');
  return n;
}

/** A share from 0 to 1, e.g. a margin of 0.3. */
export function fraction(value: string): number {
  const n = Number(value);
  if (!(n >= 0 && n <= 1) || value.trim() === '') throw new InvalidArgumentError('must be a number from 0 to 1');
  return n;
}

/** A day (YYYY-MM-DD, read as UTC), or a full ISO-8601 time; ms since the epoch. */
export function isoDate(value: string): number {
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(ms)) throw new InvalidArgumentError('must be an ISO-8601 date, e.g. 2026-01-31');
  return ms;
}
