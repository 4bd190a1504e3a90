import type { TouchLevel } from '../models/engagement-model.js';
import type { TaskTemplate, TaskTrigger, TaskType } from './task-template.js';

const DAY_MS = 86_400_000;

/** Where an account stands: its model, phase, the phase's touch, and the escalation it is under. */
export interface Placement {
  modelId: string;
  phaseId: string;
  touch: TouchLevel;
  /** The escalation rule that put the account where it is; null when not escalated. */
  escalationRule: string | null;
}

/** A task to create; `key` makes creating it idempotent. */
export interface TaskDraft {
  templateId: string;
  type: TaskType;
  title: string;
  description: string | null;
  dueAt: number;
  key: string;
}

/** Whether a trigger holds for an account placed so. */
export function triggerHolds(trigger: TaskTrigger, placement: Placement): boolean {
  if ('escalated' in trigger) return placement.escalationRule !== null && (trigger.escalated.rule === undefined || trigger.escalated.rule === placement.escalationRule);
  const { model, phase, touch, escalated } = trigger.entered;
  return (
    (model === undefined || model === placement.modelId) &&
    (phase === undefined || phase === placement.phaseId) &&
    (touch === undefined || touch === placement.touch) &&
    (escalated === undefined || escalated === (placement.escalationRule !== null))
  );
}

/**
 * The tasks a move creates: those of every template whose trigger holds after the move and did
 * not before (a move within the same placement creates nothing). Keys are `template:account:at`,
 * so performing the same move twice creates each task once.
 */
export function tasksForMove(templates: readonly TaskTemplate[], move: { groupId: string; accountName: string | null; before: Placement | null; after: Placement; at: number }): TaskDraft[] {
  return templates
    .filter((t) => triggerHolds(t.on, move.after) && !(move.before && triggerHolds(t.on, move.before)))
    .map((t) => draft(t, move.groupId, move.accountName, dueFrom(t, move.at), `${t.id}:${move.groupId}:${move.at}`));
}

/**
 * The next occurrence of a recurring task whose last one was due at `lastDueAt` and is closed;
 * null if it does not recur or no longer applies. It is due a period after the last, rolled
 * forward past `now` when the last was closed so late that whole periods passed: a check-in
 * done three weeks late is followed by one next week, not by two already overdue.
 */
export function nextOccurrence(template: TaskTemplate, account: { groupId: string; accountName: string | null; placement: Placement }, lastDueAt: number, now: number): TaskDraft | null {
  if (template.everyDays === undefined || !triggerHolds(template.on, account.placement)) return null;
  const period = template.everyDays * DAY_MS;
  let dueAt = lastDueAt + period;
  if (dueAt < now) dueAt += Math.ceil((now - dueAt) / period) * period;
  return draft(template, account.groupId, account.accountName, dueAt, `${template.id}:${account.groupId}:${dueAt}`);
}

/** Recurring templates whose trigger no longer holds: their open tasks stop. */
export function stoppedTemplates(templates: readonly TaskTemplate[], placement: Placement): TaskTemplate[] {
  return templates.filter((t) => t.everyDays !== undefined && !triggerHolds(t.on, placement));
}

function draft(template: TaskTemplate, groupId: string, accountName: string | null, dueAt: number, key: string): TaskDraft {
  return { templateId: template.id, type: template.type, title: template.title.replaceAll('{account}', accountName ?? groupId), description: template.description ?? null, dueAt, key };
}

function dueFrom(template: TaskTemplate, at: number): number {
  if (template.dueInBusinessDays !== undefined) return addBusinessDays(at, template.dueInBusinessDays);
  return at + (template.dueInDays ?? 0) * DAY_MS;
}

/**
 * `days` working days (Monday to Friday, UTC) after `from`, at the same time of day: Friday
 * 15:00 plus one is Monday 15:00, and Saturday 10:00 plus one is also Monday 10:00 — the first
 * working day that starts after `from`. Zero days is `from` itself. Holidays are not known.
 */
export function addBusinessDays(from: number, days: number): number {
  let at = from;
  for (let left = days; left > 0; ) {
    at += DAY_MS;
    const weekday = new Date(at).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return at;
}
