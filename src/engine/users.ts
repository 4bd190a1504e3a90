import { createHash } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { unauthorized, validationError } from '../core/errors.js';
import type { User, UserRole } from '../store/users.js';
import type { EngineContext } from './context.js';

const SESSION_DAYS = 14;
const MIN_PASSWORD_LENGTH = 8;

/** Adds a team member, or sets the password and role of an existing one with that e-mail. */
export async function addUser(context: EngineContext, input: { workspaceId: string; email: string; password: string; role: UserRole; name?: string }): Promise<User> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw validationError('invalid e-mail address', [{ path: 'email', message: 'must be an e-mail address' }]);
  if (input.password.length < MIN_PASSWORD_LENGTH) throw validationError('password too short', [{ path: 'password', message: `must be at least ${MIN_PASSWORD_LENGTH} characters` }]);
  const passwordHash = await hash(input.password);
  const existing = (await context.store.users.findByEmail(email)).find((u) => u.workspaceId === input.workspaceId);
  if (existing) {
    await context.store.users.updatePassword(existing.id, passwordHash, input.role);
    return { ...existing, role: input.role };
  }
  const user: User = { id: context.ids.id(), workspaceId: input.workspaceId, email, name: input.name ?? null, role: input.role };
  await context.store.users.insert({ ...user, passwordHash, createdAt: context.clock.now() });
  return user;
}

/** Checks e-mail and password and opens a session; returns the cookie value and the user. */
export async function logIn(context: EngineContext, email: string, password: string): Promise<{ sessionId: string; user: User; expiresAt: number }> {
  const candidates = await context.store.users.findByEmail(email.trim().toLowerCase());
  for (const candidate of candidates) {
    if (await verify(candidate.passwordHash, password)) {
      const sessionId = context.ids.secret('s_');
      const now = context.clock.now();
      const expiresAt = now + SESSION_DAYS * 86_400_000;
      await context.store.users.insertSession({ idHash: sessionHash(sessionId), userId: candidate.id, workspaceId: candidate.workspaceId, createdAt: now, expiresAt });
      const { passwordHash: _, ...user } = candidate;
      return { sessionId, user, expiresAt };
    }
  }
  throw unauthorized('wrong e-mail or password');
}

export async function userOfSession(context: EngineContext, sessionId: string): Promise<User | undefined> {
  return context.store.users.findBySession(sessionHash(sessionId), context.clock.now());
}

export async function logOut(context: EngineContext, sessionId: string): Promise<void> {
  await context.store.users.deleteSession(sessionHash(sessionId));
}

function sessionHash(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex');
}
