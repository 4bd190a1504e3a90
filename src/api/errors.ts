import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { assertNever, TouchpointError, type ErrorCode } from '../core/errors.js';

function statusOf(code: ErrorCode): ContentfulStatusCode {
  switch (code) {
    case 'validation':
      return 400;
    case 'payload_too_large':
      // Segment answers 400 for oversized messages and batches; clients treat 413 differently.
      return 400;
    case 'unauthorized':
      return 401;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'rate_limited':
      return 429;
    default:
      return assertNever(code);
  }
}

/** The one error handler: typed errors become their status and a JSON body; anything else is a 500. */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof TouchpointError) {
    return c.json({ error: { code: error.code, message: error.message, issues: error.issues } }, statusOf(error.code));
  }
  console.error(error);
  return c.json({ error: { code: 'internal', message: 'internal error; nothing was stored by this request' } }, 500);
}
