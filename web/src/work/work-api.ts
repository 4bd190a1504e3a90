import type { Task } from '../../../src/core/records';
import type { TeamMember } from '../../../src/core/team/team-member';
import { ApiError } from '../api-client';

export type { Task, TeamMember };

/** A team member with how many accounts they own now. */
export type TeamMemberWithLoad = TeamMember & { accounts: number };

export interface ModelChange {
  fromModel: string | null;
  fromPhase: string | null;
  toModel: string;
  toPhase: string;
  reason: string;
  changedBy: string;
  changedAt: number;
}

export interface OwnerChange {
  fromMember: string | null;
  toMember: string | null;
  reason: string;
  changedBy: string;
  changedAt: number;
}

export interface TaskPatch {
  status?: 'done' | 'cancelled';
  outcome?: string;
  dueAt?: number;
  ownerId?: string | null;
}

/** The human side of engagement: tasks, the team, and the history of an account's model and owner. */
export interface WorkApi {
  myTasks(status: 'open' | 'done'): Promise<{ member: TeamMember | null; items: Task[] }>;
  tasks(query: URLSearchParams): Promise<{ items: Task[] }>;
  updateTask(id: string, patch: TaskPatch): Promise<Task>;
  team(): Promise<{ items: TeamMemberWithLoad[] }>;
  modelHistory(groupId: string): Promise<{ items: ModelChange[] }>;
  ownerHistory(groupId: string): Promise<{ items: OwnerChange[] }>;
}

/** `/api/tasks`, `/api/team` and account histories with the session cookie; a 401 calls `onUnauthorized`. */
export function createWorkApi(options: { onUnauthorized: () => void }): WorkApi {
  const request = async <T>(method: 'GET' | 'PATCH', path: string, body?: unknown): Promise<T> => {
    const response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.ok) return (await response.json()) as T;
    const payload = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    if (response.status === 401) options.onUnauthorized();
    throw new ApiError(response.status, payload?.error?.code ?? 'internal', payload?.error?.message ?? `request failed (${response.status})`);
  };
  const id = encodeURIComponent;
  return {
    myTasks: (status) => request('GET', `/api/tasks/mine?status=${status}`),
    tasks: (query) => request('GET', `/api/tasks?${query.toString()}`),
    updateTask: (taskId, patch) => request('PATCH', `/api/tasks/${id(taskId)}`, patch),
    team: () => request('GET', '/api/team'),
    modelHistory: (groupId) => request('GET', `/api/accounts/${id(groupId)}/model-history`),
    ownerHistory: (groupId) => request('GET', `/api/accounts/${id(groupId)}/owner-history`),
  };
}
