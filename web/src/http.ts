/** How the dashboard talks to the server: JSON (or YAML text) over fetch with the session cookie. */

/** One problem with one field, named by its path (`condition.all.0.trait.op`, `line 7: documents.0.spec.to`). */
export interface FieldIssue {
  path: string;
  message: string;
  /** For a problem inside a message template's text part: its 1-based line in that part. */
  partLine?: number;
}

/** An error the server answered with; `code` is the API's stable error code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** An answer of 400 with the issues of the input, so a form can show each next to its field. */
export class ValidationFailed extends ApiError {
  constructor(
    message: string,
    readonly issues: FieldIssue[],
  ) {
    super(400, 'validation', message);
  }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request body: a value sent as JSON, or text with its own content type (YAML documents). */
export type Body = { json: unknown } | { text: string; contentType: string };

export type Request = <T>(method: Method, path: string, body?: Body, signal?: AbortSignal) => Promise<T>;

/**
 * A request function for one part of the API. A 204 answers undefined; a 400 throws
 * `ValidationFailed` with the issues; any other failure throws `ApiError`. A 401 from any
 * call but the login itself means the session is gone: `onUnauthorized` shows the login.
 */
export function createRequest(options: { onUnauthorized: () => void }): Request {
  return async <T>(method: Method, path: string, body?: Body, signal?: AbortSignal): Promise<T> => {
    const content = body === undefined ? undefined : 'json' in body ? { type: 'application/json', data: JSON.stringify(body.json) } : { type: body.contentType, data: body.text };
    const response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: content ? { accept: 'application/json', 'content-type': content.type } : { accept: 'application/json' },
      body: content?.data,
      signal,
    });
    if (response.status === 204) return undefined as T;
    if (response.ok) return (await response.json()) as T;
    const payload = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; issues?: FieldIssue[] } } | null;
    const message = payload?.error?.message ?? `request failed (${response.status})`;
    if (response.status === 401 && path !== '/auth/login') options.onUnauthorized();
    if (response.status === 400) throw new ValidationFailed(message, payload?.error?.issues ?? []);
    throw new ApiError(response.status, payload?.error?.code ?? 'internal', message);
  };
}

/** A JSON body. */
export const json = (value: unknown): Body => ({ json: value });
