import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token in a link that acts for one contact without a login — the unsubscribe link, the
 * open pixel and tracked links in an e-mail — as `base64url(fields).signature`, the fields
 * joined by newlines. The signature is an HMAC-SHA256 under the workspace's link secret, so
 * a token cannot be made up or altered: a tracked link cannot be turned into a redirect to
 * anywhere else. Tokens do not expire, as links in an old e-mail must still work.
 */
export type LinkPurpose = 'unsubscribe' | 'open' | 'click';

export interface LinkSubject {
  workspaceId: string;
  contactId: string;
  purpose: LinkPurpose;
  /** The message an open or a click belongs to (its log key). */
  messageKey?: string;
  /** Where a tracked link goes. */
  url?: string;
}

const PURPOSES: readonly LinkPurpose[] = ['unsubscribe', 'open', 'click'];

export function signLink(subject: LinkSubject, secret: string): string {
  const fields = [subject.workspaceId, subject.contactId, subject.purpose, subject.messageKey ?? '', subject.url ?? ''];
  const body = Buffer.from(fields.join('\n')).toString('base64url');
  return `${body}.${signature(body, secret)}`;
}

/** What the token names, without checking it: which workspace's secret checks it. */
export function readLink(token: string): LinkSubject | null {
  const [body, sig, ...rest] = token.split('.');
  if (!body || !sig || rest.length > 0) return null;
  const [workspaceId, contactId, purpose, messageKey, url, ...more] = Buffer.from(body, 'base64url').toString('utf8').split('\n');
  if (more.length > 0 || !workspaceId || !contactId || !PURPOSES.includes(purpose as LinkPurpose)) return null;
  return { workspaceId, contactId, purpose: purpose as LinkPurpose, ...(messageKey ? { messageKey } : {}), ...(url ? { url } : {}) };
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
