import { readLink, signLink, verifyLink, type LinkSubject } from '../../core/delivery/link-tokens.js';
import type { EngineContext } from '../context.js';

/** The workspace's secret for links in e-mail, made on first use. */
export function linkSecret(context: EngineContext, workspaceId: string): Promise<string> {
  return context.store.delivery.secret(workspaceId, 'links', () => context.ids.secret('ls_'), context.clock.now());
}

/** A signed link to `path` on this server (`TOUCHPOINT_PUBLIC_URL`) acting for `subject`. */
export function signedUrl(publicUrl: string, path: string, subject: LinkSubject, secret: string): string {
  return new URL(`${path}/${signLink(subject, secret)}`, publicUrl).href;
}

/** What a token names, if it is signed by its workspace's link secret and that workspace exists. */
export async function verifiedLink(context: EngineContext, token: string): Promise<LinkSubject | null> {
  const named = readLink(token);
  if (!named) return null;
  if (!(await context.store.workspaces.exists(named.workspaceId))) return null;
  return verifyLink(token, await linkSecret(context, named.workspaceId));
}
