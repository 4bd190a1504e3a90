import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { modelIdsIn, parseDefinitionDocuments, type Definition, type DocumentIssue } from '../../core/definitions/definition-documents.js';
import { findCycle, segmentDependencies } from '../../core/segments/segment-dependencies.js';
import type { SegmentDefinition } from '../../core/segments/segment-definition.js';
import { definitionId } from '../../store/definitions.js';
import type { EngineContext } from '../context.js';
import { effectiveDefinitions } from './effective-definitions.js';

export interface DefinitionFile {
  /** The name issues use: the path as given. */
  name: string;
  text: string;
}

/** The YAML files of a file or a directory (recursively, in name order). */
export async function readDefinitionFiles(path: string): Promise<DefinitionFile[]> {
  const info = await stat(path);
  if (info.isFile()) return [{ name: path, text: await readFile(path, 'utf8') }];
  const files: DefinitionFile[] = [];
  for (const entry of (await readdir(path, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) files.push(...(await readDefinitionFiles(child)));
    else if (['.yaml', '.yml'].includes(extname(entry.name).toLowerCase())) files.push({ name: child, text: await readFile(child, 'utf8') });
  }
  return files;
}

export type ApplyResult = { ok: true; applied: Definition[] } | { ok: false; issues: DocumentIssue[] };

/**
 * Checks every file, then stores every definition in one transaction — or, if anything is
 * wrong anywhere, stores nothing and returns every problem. Segments may refer to segments in
 * the same files or already in force; a cycle of references is refused.
 */
export async function applyDefinitions(context: EngineContext, workspaceId: string, files: readonly DefinitionFile[], by: string): Promise<ApplyResult> {
  const current = await effectiveDefinitions(context, workspaceId);
  const modelIds = new Set(current.filter((d) => d.kind === 'EngagementModel').map((d) => d.spec.id));
  // Models defined in any of the files may be named by rules in any other.
  for (const file of files) for (const id of modelIdsIn(file.text)) modelIds.add(id);

  const applied: Definition[] = [];
  const issues: DocumentIssue[] = [];
  const origin = new Map<string, string>();
  for (const file of files) {
    const result = parseDefinitionDocuments(file.text, file.name, { knownModelIds: [...modelIds] });
    issues.push(...result.issues);
    for (const definition of result.definitions) {
      const key = `${definition.kind}/${definitionId(definition)}`;
      const earlier = origin.get(key);
      if (earlier) issues.push({ file: file.name, line: null, path: 'spec.id', message: `${key} is also defined in ${earlier}` });
      origin.set(key, file.name);
      applied.push(definition);
    }
  }
  if (issues.length === 0) issues.push(...segmentProblems(current, applied, origin));
  if (issues.length > 0) return { ok: false, issues };
  await context.store.definitions.saveAll(workspaceId, applied, by, context.clock.now());
  return { ok: true, applied };
}

/** Segments must refer to segments that exist, of no cycle. */
function segmentProblems(current: readonly Definition[], applied: readonly Definition[], origin: Map<string, string>): DocumentIssue[] {
  const segments = new Map<string, SegmentDefinition>();
  for (const d of [...current, ...applied]) if (d.kind === 'Segment') segments.set(d.spec.id, d.spec);
  const issues: DocumentIssue[] = [];
  for (const d of applied) {
    if (d.kind !== 'Segment') continue;
    for (const dependency of segmentDependencies(d.spec)) {
      if (!segments.has(dependency)) issues.push({ file: origin.get(`Segment/${d.spec.id}`)!, line: null, path: `spec (segment ${d.spec.id})`, message: `refers to segment ${dependency}, which does not exist` });
    }
  }
  const cycle = findCycle([...segments.values()]);
  if (cycle) {
    const file = origin.get(`Segment/${cycle[0]}`) ?? '(stored definitions)';
    issues.push({ file, line: null, path: `spec (segment ${cycle[0]})`, message: `segments refer to each other in a cycle: ${cycle.join(' -> ')}` });
  }
  return issues;
}
