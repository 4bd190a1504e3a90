import type { Kysely } from 'kysely';
import type { Database, UserTable } from './database.js';

export type UserRole = UserTable['role'];

export interface User {
  id: string;
  workspaceId: string;
  email: string;
  name: string | null;
  role: UserRole;
}

const toUser = (row: Pick<UserTable, 'id' | 'workspace_id' | 'email' | 'name' | 'role'>): User => ({
  id: row.id,
  workspaceId: row.workspace_id,
  email: row.email,
  name: row.name,
  role: row.role,
});

/** Team members who log in to the dashboard, and their sessions. */
export function userQueries(db: Kysely<Database>) {
  return {
    async insert(user: User & { passwordHash: string; createdAt: number }): Promise<void> {
      await db
        .insertInto('users')
        .values({ id: user.id, workspace_id: user.workspaceId, email: user.email, name: user.name, role: user.role, password_hash: user.passwordHash, created_at: user.createdAt })
        .execute();
    },

    async updatePassword(userId: string, passwordHash: string, role: UserRole): Promise<void> {
      await db.updateTable('users').set({ password_hash: passwordHash, role }).where('id', '=', userId).execute();
    },

    /** Users with this e-mail, in any workspace, with their password hashes (for login). */
    async findByEmail(email: string): Promise<(User & { passwordHash: string })[]> {
      const rows = await db.selectFrom('users').selectAll().where('email', '=', email).orderBy('created_at').execute();
      return rows.map((row) => ({ ...toUser(row), passwordHash: row.password_hash }));
    },

    async count(workspaceId: string): Promise<number> {
      const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async insertSession(session: { idHash: string; userId: string; workspaceId: string; createdAt: number; expiresAt: number }): Promise<void> {
      await db
        .insertInto('sessions')
        .values({ id_hash: session.idHash, user_id: session.userId, workspace_id: session.workspaceId, created_at: session.createdAt, expires_at: session.expiresAt })
        .execute();
    },

    /** The user of a live session; expired sessions are not found. */
    async findBySession(idHash: string, now: number): Promise<User | undefined> {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select(['users.id', 'users.workspace_id', 'users.email', 'users.name', 'users.role'])
        .where('sessions.id_hash', '=', idHash)
        .where('sessions.expires_at', '>', now)
        .executeTakeFirst();
      return row ? toUser(row) : undefined;
    },

    async deleteSession(idHash: string): Promise<void> {
      await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    },
  };
}
