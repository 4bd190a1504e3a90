import type { Definition, DefinitionKind } from '../../core/definitions/definition-documents.js';
import { definitionId } from '../../store/definitions.js';
import type { EngineContext } from '../context.js';
import { SHIPPED_DEFINITIONS } from './effective-definitions.js';

/**
 * One definition of a kind stored or deleted on its own (a journey, a message template), the
 * rest of its kind left in force. Definitions in force are a kind's stored ones, or the shipped
 * ones while none is stored; so the first of a kind a workspace stores, or the first shipped
 * one it deletes, also stores the other shipped ones of the kind, in the same transaction.
 * Deleting the last stored one of a kind brings the shipped ones back.
 */
export async function putDefinition(context: EngineContext, workspaceId: string, definition: Definition, by: string): Promise<{ created: boolean }> {
  const stored = await context.store.definitions.list(workspaceId, definition.kind);
  const inForce = stored.length > 0 ? stored : shippedOf(definition.kind);
  const id = definitionId(definition);
  const save = [...(stored.length > 0 ? [] : inForce.filter((d) => definitionId(d) !== id)), definition];
  await context.store.definitions.change(workspaceId, { save }, by, context.clock.now());
  return { created: !inForce.some((d) => definitionId(d) === id) };
}

/** Deletes the definition of `kind` with `id` from those in force; false when there is none. */
export async function removeDefinition(context: EngineContext, workspaceId: string, kind: DefinitionKind, id: string, by: string): Promise<boolean> {
  const stored = await context.store.definitions.list(workspaceId, kind);
  const inForce = stored.length > 0 ? stored : shippedOf(kind);
  if (!inForce.some((d) => definitionId(d) === id)) return false;
  const save = stored.length > 0 ? [] : inForce.filter((d) => definitionId(d) !== id);
  await context.store.definitions.change(workspaceId, { save, delete: stored.length > 0 ? [{ kind, id }] : [] }, by, context.clock.now());
  return true;
}

function shippedOf(kind: DefinitionKind): Definition[] {
  return SHIPPED_DEFINITIONS.filter((d) => d.kind === kind);
}
