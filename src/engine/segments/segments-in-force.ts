import type { Definition } from '../../core/definitions/definition-documents.js';
import { notFound } from '../../core/errors.js';
import type { SegmentDefinition } from '../../core/segments/segment-definition.js';
import type { EngineContext } from '../context.js';
import { effectiveDefinitions } from '../definitions/effective-definitions.js';

/** The segments among definitions, in their order. */
export function segmentsOf(definitions: readonly Definition[]): SegmentDefinition[] {
  return definitions.flatMap((d) => (d.kind === 'Segment' ? [d.spec] : []));
}

/** The segment `id` in force in the workspace (stored, or shipped while none is stored); throws not_found. */
export async function getSegment(context: EngineContext, workspaceId: string, id: string): Promise<SegmentDefinition> {
  const segment = segmentsOf(await effectiveDefinitions(context, workspaceId)).find((s) => s.id === id);
  if (!segment) throw notFound(`segment ${id}`);
  return segment;
}
