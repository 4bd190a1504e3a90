import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { modelIdsIn, parseDefinitionDocuments, type Definition, type DocumentIssue } from '../../core/definitions/definition-documents.js';
import type { EngagementModel } from '../../core/models/engagement-model.js';
import { signalSegment } from '../../core/models/escalation.js';
import type { SegmentDefinition } from '../../core/segments/segment-definition.js';
import { definitionId } from '../../store/definitions.js';
import type { EngineContext } from '../context.js';
import { journeyTemplateProblems } from '../../core/journeys/journey-templates.js';
import { definitionsOf, effectiveDefinitions, inForceAfterSaving } from './effective-definitions.js';
import { segmentReferenceProblems } from './segment-references.js';

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
 * the same files or already in force; a cycle of references is refused. `dryRun` checks only.
 */
export async function applyDefinitions(context: EngineContext, workspaceId: string, files: readonly DefinitionFile[], by: string, options: { dryRun?: boolean } = {}): Promise<ApplyResult> {
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
  if (issues.length === 0) {
    const after = inForceAfterSaving(await context.store.definitions.list(workspaceId), applied);
    issues.push(...segmentProblems(current, applied, origin), ...escalationProblems(current, applied, origin), ...templateProblems(current, after, origin));
  }
  if (issues.length > 0) return { ok: false, issues };
  if (!options.dryRun) await context.store.definitions.saveAll(workspaceId, applied, by, context.clock.now());
  return { ok: true, applied };
}

/** Segments must refer to segments that exist, of no cycle; problems are placed in the file that defined the segment. */
function segmentProblems(current: readonly Definition[], applied: readonly Definition[], origin: Map<string, string>): DocumentIssue[] {
  const segments = new Map<string, SegmentDefinition>();
  for (const d of [...current, ...applied]) if (d.kind === 'Segment') segments.set(d.spec.id, d.spec);
  const checked = applied.flatMap((d) => (d.kind === 'Segment' ? [d.spec] : []));
  return segmentReferenceProblems([...segments.values()], checked).map((problem) => ({
    file: origin.get(`Segment/${problem.segmentId}`) ?? '(stored definitions)',
    line: null,
    path: `spec (segment ${problem.segmentId})`,
    message: problem.message,
  }));
}

/**
 * Journeys in force after the apply must name message templates in force then, for their
 * channel — checked for every journey, since templates applied without the shipped ones
 * replace them all, and playbooks that sent them would fail at their next send. A problem that
 * was already there before the apply does not block it.
 */
function templateProblems(current: readonly Definition[], after: readonly Definition[], origin: Map<string, string>): DocumentIssue[] {
  const problems = (definitions: readonly Definition[]) => {
    const templates = definitionsOf(definitions, 'MessageTemplate');
    return definitionsOf(definitions, 'Journey').flatMap((journey) => journeyTemplateProblems(journey, templates).map((issue) => ({ journey: journey.id, ...issue })));
  };
  const before = new Set(problems(current).map((p) => `${p.journey} ${p.path} ${p.message}`));
  return problems(after)
    .filter((p) => !before.has(`${p.journey} ${p.path} ${p.message}`))
    .map((p) => ({
      file: origin.get(`Journey/${p.journey}`) ?? '(journeys in force)',
      line: null,
      path: `spec.${p.path} (journey ${p.journey})`,
      message: origin.has(`Journey/${p.journey}`) ? p.message : `${p.message} once these files are applied (templates applied replace the shipped ones: apply the templates this journey sends too)`,
    }));
}

/** Escalation rules must watch for a segment that exists and move accounts to a phase their target model has. */
function escalationProblems(current: readonly Definition[], applied: readonly Definition[], origin: Map<string, string>): DocumentIssue[] {
  const segments = new Set<string>();
  const models = new Map<string, EngagementModel>();
  for (const d of [...current, ...applied]) {
    if (d.kind === 'Segment') segments.add(d.spec.id);
    if (d.kind === 'EngagementModel') models.set(d.spec.id, d.spec);
  }
  const issues: DocumentIssue[] = [];
  for (const d of applied) {
    if (d.kind !== 'EscalationRule') continue;
    const file = origin.get(`EscalationRule/${d.spec.id}`)!;
    const segment = signalSegment(d.spec.signal);
    if (!segments.has(segment)) issues.push({ file, line: null, path: `spec.signal (escalation rule ${d.spec.id})`, message: `watches segment ${segment}, which does not exist` });
    const phase = d.spec.phase;
    const to = models.get(d.spec.to);
    if (phase && to && !to.phases.some((p) => p.id === phase)) issues.push({ file, line: null, path: `spec.phase (escalation rule ${d.spec.id})`, message: `is not a phase of ${to.id} (phases: ${to.phases.map((p) => p.id).join(', ')})` });
  }
  return issues;
}
