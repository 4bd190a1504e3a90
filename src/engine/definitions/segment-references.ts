import type { Definition } from '../../core/definitions/definition-documents.js';
import { assertNever } from '../../core/errors.js';
import { journeySegments } from '../../core/journeys/journey-segments.js';
import { signalSegment } from '../../core/models/escalation.js';
import { tagCondition, type Condition } from '../../core/segments/conditions.js';
import { findCycle, segmentDependencies } from '../../core/segments/segment-dependencies.js';
import type { SegmentDefinition } from '../../core/segments/segment-definition.js';

/** A reference among segments that cannot be computed: to a segment that does not exist, or around a cycle. */
export type SegmentReferenceProblem =
  | { kind: 'unknown'; segmentId: string; reference: string; message: string }
  | { kind: 'cycle'; segmentId: string; message: string };

/**
 * What is wrong with the references among `segments` (all those that would be in force):
 * each segment of `checked` must refer only to segments among them, and no cycle may run
 * through any of them. Only `checked` is held to the first rule, so a stored segment that
 * refers to one since removed does not block an unrelated change.
 */
export function segmentReferenceProblems(segments: readonly SegmentDefinition[], checked: readonly SegmentDefinition[]): SegmentReferenceProblem[] {
  const known = new Set(segments.map((s) => s.id));
  const problems: SegmentReferenceProblem[] = [];
  for (const segment of checked) {
    for (const dependency of segmentDependencies(segment)) {
      if (!known.has(dependency)) problems.push({ kind: 'unknown', segmentId: segment.id, reference: dependency, message: `refers to segment ${dependency}, which does not exist` });
    }
  }
  const cycle = findCycle(segments);
  if (cycle) problems.push({ kind: 'cycle', segmentId: cycle[0]!, message: `segments refer to each other in a cycle: ${cycle.join(' -> ')}` });
  return problems;
}

/**
 * Which definitions use segment `id`, in words ("segment active-pros", "assignment rule
 * enterprise", "engagement model hybrid-onboarding (phase onboarding)"): removing it
 * would leave them pointing at nothing, so a segment is only deleted when this is empty.
 */
export function segmentUsers(definitions: readonly Definition[], id: string): string[] {
  const users: string[] = [];
  for (const definition of definitions) {
    switch (definition.kind) {
      case 'Segment':
        if (definition.spec.id !== id && segmentDependencies(definition.spec).includes(id)) users.push(`segment ${definition.spec.id}`);
        break;
      case 'AssignmentRules':
        for (const rule of definition.spec.rules) {
          const asSegment: SegmentDefinition = { id: rule.id, name: rule.id, subject: 'account', condition: rule.when };
          if (segmentDependencies(asSegment).includes(id)) users.push(`assignment rule ${rule.id}`);
        }
        break;
      case 'EngagementModel':
        for (const phase of definition.spec.phases) {
          if (phase.until?.activatedSegment === id) users.push(`engagement model ${definition.spec.id} (phase ${phase.id})`);
        }
        break;
      case 'EscalationRule':
        if (signalSegment(definition.spec.signal) === id) users.push(`escalation rule ${definition.spec.id} (signal)`);
        break;
      case 'TaskTemplate':
        // Templates are triggered by models, phases and escalations, never by a segment.
        break;
      case 'MessageTemplate':
      case 'DeliveryPolicy':
      case 'Framework':
      case 'EngagementScoring':
      case 'HealthScoring':
        break;
      case 'Goal':
        if (definition.spec.segment === id) users.push(`goal ${definition.spec.id}`);
        break;
      case 'Journey':
        if (journeySegments(definition.spec).includes(id)) users.push(`journey ${definition.spec.id}`);
        break;
      default:
        assertNever(definition);
    }
  }
  return users;
}

/**
 * Where in `condition` segment `id` is referred to, as paths like the schema's issues
 * (`condition.all.1.segment.id`), so an unknown reference is reported at its field. Only
 * the kinds that nest conditions are walked; every other kind is a leaf.
 */
export function segmentReferencePaths(condition: Condition, id: string, path = 'condition'): string[] {
  const tagged = tagCondition(condition);
  const at = `${path}.${tagged.kind}`;
  if (tagged.kind === 'segment') return tagged.body.id === id ? [`${at}.id`] : [];
  if (tagged.kind === 'all' || tagged.kind === 'any') return tagged.body.flatMap((child, index) => segmentReferencePaths(child, id, `${at}.${index}`));
  if (tagged.kind === 'not') return segmentReferencePaths(tagged.body, id, at);
  if (tagged.kind === 'contacts') return segmentReferencePaths(tagged.body.condition, id, `${at}.condition`);
  return [];
}
