/** The few errors Touchpoint raises on purpose; the API maps each code to one HTTP status. */
export type ErrorCode = 'validation' | 'not_found' | 'conflict' | 'unauthorized' | 'payload_too_large' | 'rate_limited';

/** One problem with one field of the input, e.g. `batch[3].event: required for track`. */
export interface FieldIssue {
  /** Path into the input, dotted, with indexes: `batch.3.timestamp`. */
  path: string;
  message: string;
}

export class TouchpointError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'TouchpointError';
  }
}

export const validationError = (message: string, issues: FieldIssue[] = []) =>
  new TouchpointError('validation', message, issues);
export const notFound = (what: string) => new TouchpointError('not_found', `${what} not found`);
export const unauthorized = (message: string) => new TouchpointError('unauthorized', message);
export const conflict = (message: string) => new TouchpointError('conflict', message);
export const payloadTooLarge = (message: string) => new TouchpointError('payload_too_large', message);

/** Exhaustiveness check for a `switch` over a union. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
