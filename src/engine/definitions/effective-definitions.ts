import type { Definition, DefinitionKind } from '../../core/definitions/definition-documents.js';
import { SHIPPED_ESCALATIONS } from '../../core/models/shipped-escalations.js';
import { SHIPPED_MODELS } from '../../core/models/shipped-models.js';
import { SHIPPED_RULES } from '../../core/models/shipped-rules.js';
import { EXAMPLE_SEGMENTS } from '../../core/segments/examples.js';
import { SHIPPED_TASK_TEMPLATES } from '../../core/tasks/shipped-task-templates.js';
import { SHIPPED_DELIVERY_POLICY } from '../../core/delivery/delivery-policy.js';
import { SHIPPED_PLAYBOOKS } from '../../core/journeys/shipped-playbooks.js';
import { SHIPPED_TEMPLATES } from '../../core/templates/shipped-templates.js';
import { SHIPPED_FRAMEWORKS } from '../../core/frameworks/shipped-frameworks.js';
import { SHIPPED_SCORING } from '../../core/scores/shipped-scoring.js';
import { SHIPPED_GOALS } from '../../core/goals/shipped-goals.js';
import { SHIPPED_HEALTH_SCORING } from '../../core/scores/health-scoring.js';
import { definitionId } from '../../store/definitions.js';
import type { EngineContext } from '../context.js';

/** What Touchpoint ships, in force for every kind a workspace has not defined itself. */
export const SHIPPED_DEFINITIONS: readonly Definition[] = [
  ...EXAMPLE_SEGMENTS.map((spec) => ({ kind: 'Segment' as const, spec })),
  ...SHIPPED_MODELS.map((spec) => ({ kind: 'EngagementModel' as const, spec })),
  { kind: 'AssignmentRules', spec: SHIPPED_RULES },
  ...SHIPPED_ESCALATIONS.map((spec) => ({ kind: 'EscalationRule' as const, spec })),
  ...SHIPPED_TASK_TEMPLATES.map((spec) => ({ kind: 'TaskTemplate' as const, spec })),
  { kind: 'DeliveryPolicy', spec: SHIPPED_DELIVERY_POLICY },
  ...SHIPPED_TEMPLATES.map((spec) => ({ kind: 'MessageTemplate' as const, spec })),
  ...SHIPPED_PLAYBOOKS.map((spec) => ({ kind: 'Journey' as const, spec })),
  ...SHIPPED_FRAMEWORKS.map((spec) => ({ kind: 'Framework' as const, spec })),
  { kind: 'EngagementScoring', spec: SHIPPED_SCORING },
  ...SHIPPED_GOALS.map((spec) => ({ kind: 'Goal' as const, spec })),
  { kind: 'HealthScoring', spec: SHIPPED_HEALTH_SCORING },
];

/**
 * The definitions in force in a workspace: the stored ones, and for each kind with none
 * stored, the shipped ones. Editing one shipped model therefore means applying all models
 * the workspace wants (export, edit, apply).
 */
export async function effectiveDefinitions(context: EngineContext, workspaceId: string): Promise<Definition[]> {
  const stored = await context.store.definitions.list(workspaceId);
  const storedKinds = new Set<DefinitionKind>(stored.map((d) => d.kind));
  return [...stored, ...SHIPPED_DEFINITIONS.filter((d) => !storedKinds.has(d.kind))];
}

/**
 * The definitions that would be in force after storing `saved` beside `stored` (a saved
 * definition replaces the stored one of its kind and id): what `effectiveDefinitions` will
 * read once they are stored.
 */
export function inForceAfterSaving(stored: readonly Definition[], saved: readonly Definition[]): Definition[] {
  const key = (d: Definition) => `${d.kind}\u0000${definitionId(d)}`;
  const replaced = new Set(saved.map(key));
  const after = [...stored.filter((d) => !replaced.has(key(d))), ...saved];
  const kinds = new Set<DefinitionKind>(after.map((d) => d.kind));
  return [...after, ...SHIPPED_DEFINITIONS.filter((d) => !kinds.has(d.kind))];
}

/** Each kind's spec type. */
type SpecOf = { [D in Definition as D['kind']]: D['spec'] };

/** The specs of the definitions of `kind` among `definitions`, in their order. */
export function definitionsOf<K extends DefinitionKind>(definitions: readonly Definition[], kind: K): SpecOf[K][] {
  return definitions.flatMap((d) => (d.kind === kind ? [d.spec as SpecOf[K]] : []));
}

/** The spec of the definition of `kind` (with `id`, when given) among `definitions`, if there is one. */
export function findDefinition<K extends DefinitionKind>(definitions: readonly Definition[], kind: K, id?: string): SpecOf[K] | undefined {
  const found = definitions.find((d) => d.kind === kind && (id === undefined || (d.spec as { id?: unknown }).id === id));
  return found?.spec as SpecOf[K] | undefined;
}
