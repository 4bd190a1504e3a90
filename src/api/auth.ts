import { Hono, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { unauthorized, validationError } from '../core/errors.js';
import type { EngineContext } from '../engine/context.js';
import { LoginThrottle } from '../engine/login-throttle.js';
import { logIn, logOut, userOfSession } from '../engine/users.js';
import type { User } from '../store/users.js';

export const SESSION_COOKIE = 'touchpoint_session';

/** What the REST API knows about the caller once authenticated. */
export interface ApiVariables {
  workspaceId: string;
  user: User | null;
}

/**
 * REST authentication: a Bearer API token (for programs) or the dashboard's session cookie
 * (for people). Either one fixes the workspace; nothing in the API can reach another.
 */
export function requireAuth(context: EngineContext): MiddlewareHandler<{ Variables: ApiVariables }> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header?.toLowerCase().startsWith('bearer ')) {
      const workspaceId = await context.store.workspaces.findByApiToken(header.slice(7).trim());
      if (!workspaceId) throw unauthorized('unknown API token');
      c.set('workspaceId', workspaceId);
      c.set('user', null);
      return next();
    }
    const sessionId = getCookie(c, SESSION_COOKIE);
    const user = sessionId ? await userOfSession(context, sessionId) : undefined;
    if (!user) throw unauthorized('send an API token as "Authorization: Bearer <token>", or log in');
    c.set('workspaceId', user.workspaceId);
    c.set('user', user);
    return next();
  };
}

/** `POST /auth/login` and `POST /auth/logout` for the dashboard; sessions live in an HttpOnly cookie. */
export function sessionRoutes(context: EngineContext): Hono {
  const app = new Hono();
  const throttle = new LoginThrottle(context.clock);
  app.post('/login', async (c) => {
    const body = (await c.req.json().catch(() => null)) as { email?: unknown; password?: unknown } | null;
    if (typeof body?.email !== 'string' || body.email === '') throw validationError('e-mail is required', [{ path: 'email', message: 'is required' }]);
    if (typeof body.password !== 'string' || body.password === '') throw validationError('password is required', [{ path: 'password', message: 'is required' }]);
    const email = body.email.trim().toLowerCase();
    throttle.check(email);
    const session = await logIn(context, email, body.password).catch((error: unknown) => {
      throttle.failed(email);
      throw error;
    });
    throttle.succeeded(email);
    const { sessionId, user, expiresAt } = session;
    setCookie(c, SESSION_COOKIE, sessionId, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: new URL(c.req.url).protocol === 'https:',
      expires: new Date(expiresAt),
    });
    return c.json({ user });
  });
  app.post('/logout', async (c) => {
    const sessionId = getCookie(c, SESSION_COOKIE);
    if (sessionId) await logOut(context, sessionId);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  });
  return app;
}
