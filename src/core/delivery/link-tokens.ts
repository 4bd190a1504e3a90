import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token in a link that acts for one contact without a login — the unsubscribe link in an
 * e-mail — as `base64url(workspace \n contact \n purpose).signature`. The signature is an
 * HMAC-SHA256 under the workspace's link secret, so a token cannot be made up or altered; it
 * does not expire, as an unsubscribe link in an old e-mail must still work.
 */
export type LinkPurpose = 'unsubscribe';

export interface LinkSubject {
  workspaceId: string;
  contactId: string;
  purpose: LinkPurpose;
}

export function signLink(subject: LinkSubject, secret: string): string {
  const body = Buffer.from([subject.workspaceId, subject.contactId, subject.purpose].join('\n')).toString('base64url');
  return `${body}.${signature(body, secret)}`;
}

/** What the token names, without checking it: which workspace's secret checks it. */
export function readLink(token: string): LinkSubject | null {
  const [body, sig, ...rest] = token.split('.');
  if (!body || !sig || rest.length > 0) return null;
  const parts = Buffer.from(body, 'base64url').toString('utf8').split('\n');
  if (parts.length !== 3 || parts[2] !== 'unsubscribe' || !parts[0] || !parts[1]) return null;
  return { workspaceId: parts[0], contactId: parts[1], purpose: parts[2] };
}

/** The token's subject when its signature holds under `secret`, else null. */
export function verifyLink(token: string, secret: string): LinkSubject | null {
  const subject = readLink(token);
  if (!subject) return null;
  const [body, sig] = token.split('.') as [string, string];
  const expected = Buffer.from(signature(body, secret));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given) ? subject : null;
}

function signature(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}
