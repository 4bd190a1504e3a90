import type { ModelChange, OwnerChange, Task } from '../../../src/core/records';
import type { TeamMember } from '../../../src/core/team/team-member';
import { createRequest, json } from '../http';

export type { ModelChange, OwnerChange, Task, TeamMember };

/** A team member with how many accounts they own now. */
export type TeamMemberWithLoad = TeamMember & { accounts: number };


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
  /** Gives the account to a team member (null releases it); its open tasks follow. */
  reassignOwner(groupId: string, memberId: string | null, reason: string): Promise<{ items: OwnerChange[] }>;
}

/** `/api/tasks`, `/api/team` and account histories with the session cookie; a 401 calls `onUnauthorized`. */
export function createWorkApi(options: { onUnauthorized: () => void }): WorkApi {
  const request = createRequest(options);
  const id = encodeURIComponent;
  return {
    myTasks: (status) => request('GET', `/api/tasks/mine?status=${status}`),
    tasks: (query) => request('GET', `/api/tasks?${query.toString()}`),
    updateTask: (taskId, patch) => request('PATCH', `/api/tasks/${id(taskId)}`, json(patch)),
    team: () => request('GET', '/api/team'),
    modelHistory: (groupId) => request('GET', `/api/accounts/${id(groupId)}/model-history`),
    ownerHistory: (groupId) => request('GET', `/api/accounts/${id(groupId)}/owner-history`),
    reassignOwner: (groupId, memberId, reason) => request('PUT', `/api/accounts/${id(groupId)}/owner`, json({ memberId, reason })),
  };
}
