import { conflict, notFound } from '../../core/errors.js';
import type { EngineContext } from '../context.js';
import { effectiveDefinitions } from '../definitions/effective-definitions.js';
import { segmentUsers } from '../definitions/segment-references.js';
import { segmentsOf } from './segments-in-force.js';

/**
 * Deletes segment `id` with its stored members (each recorded as an exit, so its history
 * stays readable and ends where it stopped). Refused with a conflict while other definitions
 * use it (segments, assignment rules, model phases, escalation rules), naming them. Like
 * saving, deleting from the shipped segments stores the others first, and the last stored
 * segment cannot be deleted: with none stored, the shipped ones would be in force again.
 */
export async function deleteSegment(context: EngineContext, workspaceId: string, id: string, by: string): Promise<void> {
  const definitions = await effectiveDefinitions(context, workspaceId);
  if (!segmentsOf(definitions).some((s) => s.id === id)) throw notFound(`segment ${id}`);
  const users = segmentUsers(definitions, id);
  if (users.length > 0) throw conflict(`segment ${id} is used by ${users.join(', ')}`);
  const stored = await context.store.definitions.list(workspaceId, 'Segment');
  if (stored.length === 1) throw conflict(`segment ${id} is the workspace's last segment; without any, the shipped segments would be in force again`);
  const save = stored.length === 0 ? segmentsOf(definitions).filter((s) => s.id !== id).map((spec) => ({ kind: 'Segment' as const, spec })) : [];
  await context.store.definitions.change(workspaceId, { save, delete: [{ kind: 'Segment', id }] }, by, context.clock.now());
}
