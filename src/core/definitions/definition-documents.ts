import { LineCounter, parseAllDocuments, stringify, type Document } from 'yaml';
import { assertNever, type FieldIssue } from '../errors.js';
import { lineOfIssue, lineOfPath, type PathIssue } from './yaml-lines.js';
import { parseAssignmentRules, type AssignmentRules } from '../models/assignment.js';
import { parseEngagementModel, type EngagementModel } from '../models/engagement-model.js';
import { parseJourney, type JourneyDefinition } from '../journeys/journey-definition.js';
import { parseEscalationRule, type EscalationRule } from '../models/escalation.js';
import { parseTaskTemplate, type TaskTemplate } from '../tasks/task-template.js';
import { parseMessageTemplate, type MessageTemplate } from '../templates/message-template.js';
import { parseSegmentDefinition, type SegmentDefinition } from '../segments/segment-definition.js';
import { parseDeliveryPolicy, type DeliveryPolicy } from '../delivery/delivery-policy.js';
import { parseFramework, type Framework } from '../frameworks/framework-definition.js';
import { parseEngagementScoring, type EngagementScoring } from '../scores/engagement-scoring.js';
import { parseGoal, type Goal } from '../goals/goal-definition.js';
import { parseHealthScoring, type HealthScoring } from '../scores/health-scoring.js';

/**
 * Definitions as files: YAML documents (several per file, separated by `---`), each
 *
 *     kind: Segment | EngagementModel | AssignmentRules | EscalationRule | TaskTemplate | Journey | MessageTemplate | DeliveryPolicy | Framework | EngagementScoring | Goal | HealthScoring
 *     spec: { ...the definition... }
 *
 * checked by the same schema as the API. Problems name the file, the line, the path in the
 * document and the reason; a file with any problem yields no definitions, so nothing is
 * half-applied.
 */
export const DEFINITION_KINDS = ['Segment', 'EngagementModel', 'AssignmentRules', 'EscalationRule', 'TaskTemplate', 'Journey', 'MessageTemplate', 'DeliveryPolicy', 'Framework', 'EngagementScoring', 'Goal', 'HealthScoring'] as const;
export type DefinitionKind = (typeof DEFINITION_KINDS)[number];

export type Definition =
  | { kind: 'Segment'; spec: SegmentDefinition }
  | { kind: 'EngagementModel'; spec: EngagementModel }
  | { kind: 'AssignmentRules'; spec: AssignmentRules }
  | { kind: 'EscalationRule'; spec: EscalationRule }
  | { kind: 'TaskTemplate'; spec: TaskTemplate }
  | { kind: 'Journey'; spec: JourneyDefinition }
  | { kind: 'MessageTemplate'; spec: MessageTemplate }
  | { kind: 'DeliveryPolicy'; spec: DeliveryPolicy }
  | { kind: 'Framework'; spec: Framework }
  | { kind: 'EngagementScoring'; spec: EngagementScoring }
  | { kind: 'Goal'; spec: Goal }
  | { kind: 'HealthScoring'; spec: HealthScoring };

/** A problem in a definitions file: `file:line: path: reason`. */
export interface DocumentIssue extends FieldIssue {
  file: string;
  /** 1-based line of the offending node, when known. */
  line: number | null;
}

export interface ParseOptions {
  /** Model ids that assignment and escalation rules may name, besides the models in the same files. */
  knownModelIds: readonly string[];
}

/** Parses one file's text; `file` is only used to name it in issues. */
export function parseDefinitionDocuments(text: string, file: string, options: ParseOptions): { definitions: Definition[]; issues: DocumentIssue[] } {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, uniqueKeys: true });
  const definitions: Definition[] = [];
  const issues: DocumentIssue[] = [];
  const docs = Array.isArray(documents) ? documents : [];
  if (!Array.isArray(documents)) issues.push({ file, line: null, path: '(file)', message: 'is not YAML documents' });
  const modelIds = new Set(options.knownModelIds);
  const pending: { index: number; doc: Document; body: Record<string, unknown> }[] = [];

  docs.forEach((doc, index) => {
    const where = docs.length > 1 ? `documents.${index}.` : '';
    for (const error of doc.errors) {
      const line = error.linePos?.[0]?.line ?? null;
      issues.push({ file, line, path: `${where}(yaml)`, message: error.message.split('\n')[0]! });
    }
    if (doc.errors.length > 0) return;
    const body = doc.toJS() as unknown;
    if (body === null || body === undefined) return; // an empty document, e.g. a trailing `---`
    if (typeof body !== 'object' || Array.isArray(body)) {
      issues.push({ file, line: lineOfPath(doc, [], lineCounter), path: `${where}(document)`, message: 'must be a mapping with kind and spec' });
      return;
    }
    const record = body as Record<string, unknown>;
    if (record['kind'] === 'EngagementModel' && typeof (record['spec'] as { id?: unknown })?.id === 'string') modelIds.add((record['spec'] as { id: string }).id);
    pending.push({ index, doc, body: record });
  });

  for (const { index, doc, body } of pending) {
    const where = docs.length > 1 ? `documents.${index}.` : '';
    const issue = (found: PathIssue & { message: string }, prefix: string[] = []) =>
      issues.push({ file, line: lineOfIssue(doc, lineCounter, found, prefix).line, path: where + [...prefix, found.path].join('.'), message: found.message });
    const extra = Object.keys(body).filter((key) => key !== 'kind' && key !== 'spec');
    for (const key of extra) issue({ path: key, message: 'is not a known field (a document has kind and spec)' });
    const kind = body['kind'];
    if (!DEFINITION_KINDS.includes(kind as DefinitionKind)) {
      issue({ path: 'kind', message: `must be one of ${DEFINITION_KINDS.join(', ')}` });
      continue;
    }
    const result = parseSpec(kind as DefinitionKind, body['spec'], [...modelIds]);
    if (result.ok) definitions.push(result.definition);
    else for (const i of result.issues) issue(i, ['spec']);
  }
  return issues.length > 0 ? { definitions: [], issues } : { definitions, issues };
}

function parseSpec(kind: DefinitionKind, spec: unknown, modelIds: string[]): { ok: true; definition: Definition } | { ok: false; issues: (FieldIssue & PathIssue)[] } {
  switch (kind) {
    case 'Segment': {
      const r = parseSegmentDefinition(spec);
      return r.ok ? { ok: true, definition: { kind, spec: r.definition } } : r;
    }
    case 'EngagementModel': {
      const r = parseEngagementModel(spec);
      return r.ok ? { ok: true, definition: { kind, spec: r.model } } : r;
    }
    case 'AssignmentRules': {
      const r = parseAssignmentRules(spec, modelIds);
      return r.ok ? { ok: true, definition: { kind, spec: r.rules } } : r;
    }
    case 'EscalationRule': {
      const r = parseEscalationRule(spec, modelIds);
      return r.ok ? { ok: true, definition: { kind, spec: r.rule } } : r;
    }
    case 'TaskTemplate': {
      const r = parseTaskTemplate(spec);
      return r.ok ? { ok: true, definition: { kind, spec: r.template } } : r;
    }
    case 'Journey': {
      const r = parseJourney(spec);
      return r.ok ? { ok: true, definition: { kind, spec: r.journey } } : r;
    }
    case 'MessageTemplate': {
      // A Liquid problem's line in its part (`line 3: ...`, partLine) becomes its line in the file.
      const r = parseMessageTemplate(spec);
      return r.ok ? { ok: true, definition: { kind, spec: r.template } } : r;
    }
    case 'DeliveryPolicy': {
      const r = parseDeliveryPolicy(spec);
      return r.ok ? { ok: true, definition: { kind, spec: r.policy } } : r;
    }
    case 'Framework': {
      const r = parseFramework(spec);
      return r.ok ? { ok: true, definition: { kind, spec: r.framework } } : r;
    }
    case 'EngagementScoring': {
      const r = parseEngagementScoring(spec);
      return r.ok ? { ok: true, definition: { kind, spec: r.scoring } } : r;
    }
    case 'Goal': {
      const r = parseGoal(spec);
      return r.ok ? { ok: true, definition: { kind, spec: r.goal } } : r;
    }
    case 'HealthScoring': {
      const r = parseHealthScoring(spec);
      return r.ok ? { ok: true, definition: { kind, spec: r.scoring } } : r;
    }
    default:
      return assertNever(kind);
  }
}

/** Ids of the EngagementModel documents of a file, so rules in other files may name them. Invalid documents are skipped. */
export function modelIdsIn(text: string): string[] {
  return parseAllDocuments(text).flatMap((doc) => {
    if (doc.errors.length > 0) return [];
    const body = doc.toJS() as { kind?: unknown; spec?: { id?: unknown } } | null;
    return body?.kind === 'EngagementModel' && typeof body.spec?.id === 'string' ? [body.spec.id] : [];
  });
}

/** Definitions as one YAML file of documents; parsing it back gives the same definitions. */
export function definitionsToYaml(definitions: readonly Definition[]): string {
  return definitions.map((d) => stringify({ kind: d.kind, spec: d.spec }, { lineWidth: 0 })).join('---\n');
}

/** `file:line: path: reason`, the form editors and terminals understand. */
export function formatDocumentIssue(issue: DocumentIssue): string {
  return `${issue.file}${issue.line === null ? '' : `:${issue.line}`}: ${issue.path}: ${issue.message}`;
}
