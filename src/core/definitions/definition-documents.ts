import { isMap, isSeq, LineCounter, parseAllDocuments, stringify, type Document } from 'yaml';
import { assertNever, type FieldIssue } from '../errors.js';
import { parseAssignmentRules, type AssignmentRules } from '../models/assignment.js';
import { parseEngagementModel, type EngagementModel } from '../models/engagement-model.js';
import { parseJourney, type JourneyDefinition } from '../journeys/journey-definition.js';
import { parseEscalationRule, type EscalationRule } from '../models/escalation.js';
import { parseTaskTemplate, type TaskTemplate } from '../tasks/task-template.js';
import { parseMessageTemplate, type MessageTemplate } from '../templates/message-template.js';
import { parseSegmentDefinition, type SegmentDefinition } from '../segments/segment-definition.js';
import { parseDeliveryPolicy, type DeliveryPolicy } from '../delivery/delivery-policy.js';

/**
 * Definitions as files: YAML documents (several per file, separated by `---`), each
 *
 *     kind: Segment | EngagementModel | AssignmentRules | EscalationRule | TaskTemplate | Journey | MessageTemplate | DeliveryPolicy
 *     spec: { ...the definition... }
 *
 * checked by the same schema as the API. Problems name the file, the line, the path in the
 * document and the reason; a file with any problem yields no definitions, so nothing is
 * half-applied.
 */
export const DEFINITION_KINDS = ['Segment', 'EngagementModel', 'AssignmentRules', 'EscalationRule', 'TaskTemplate', 'Journey', 'MessageTemplate', 'DeliveryPolicy'] as const;
export type DefinitionKind = (typeof DEFINITION_KINDS)[number];

export type Definition =
  | { kind: 'Segment'; spec: SegmentDefinition }
  | { kind: 'EngagementModel'; spec: EngagementModel }
  | { kind: 'AssignmentRules'; spec: AssignmentRules }
  | { kind: 'EscalationRule'; spec: EscalationRule }
  | { kind: 'TaskTemplate'; spec: TaskTemplate }
  | { kind: 'Journey'; spec: JourneyDefinition }
  | { kind: 'MessageTemplate'; spec: MessageTemplate }
  | { kind: 'DeliveryPolicy'; spec: DeliveryPolicy };

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
      issues.push({ file, line: lineOf(doc, [], lineCounter), path: `${where}(document)`, message: 'must be a mapping with kind and spec' });
      return;
    }
    const record = body as Record<string, unknown>;
    if (record['kind'] === 'EngagementModel' && typeof (record['spec'] as { id?: unknown })?.id === 'string') modelIds.add((record['spec'] as { id: string }).id);
    pending.push({ index, doc, body: record });
  });

  for (const { index, doc, body } of pending) {
    const where = docs.length > 1 ? `documents.${index}.` : '';
    const issue = (path: string, message: string, at: (string | number)[]) => issues.push({ file, line: lineOf(doc, at, lineCounter), path: where + path, message });
    const extra = Object.keys(body).filter((key) => key !== 'kind' && key !== 'spec');
    for (const key of extra) issue(key, 'is not a known field (a document has kind and spec)', [key]);
    const kind = body['kind'];
    if (!DEFINITION_KINDS.includes(kind as DefinitionKind)) {
      issue('kind', `must be one of ${DEFINITION_KINDS.join(', ')}`, ['kind']);
      continue;
    }
    const result = parseSpec(kind as DefinitionKind, body['spec'], [...modelIds]);
    if (result.ok) definitions.push(result.definition);
    else for (const i of result.issues) issue(`spec.${i.path}`, i.message, ['spec', ...i.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p))]);
  }
  return issues.length > 0 ? { definitions: [], issues } : { definitions, issues };
}

function parseSpec(kind: DefinitionKind, spec: unknown, modelIds: string[]): { ok: true; definition: Definition } | { ok: false; issues: FieldIssue[] } {
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
      // A part's own line (`line 3: ...`) is in the message; the document line is the part's key.
      const r = parseMessageTemplate(spec);
      return r.ok ? { ok: true, definition: { kind, spec: r.template } } : { ok: false, issues: r.issues.map((i) => ({ path: i.path, message: i.message })) };
    }
    case 'DeliveryPolicy': {
      const r = parseDeliveryPolicy(spec);
      return r.ok ? { ok: true, definition: { kind, spec: r.policy } } : r;
    }
    default:
      return assertNever(kind);
  }
}

/** The line of the deepest node of `path` that exists in the document. */
function lineOf(doc: Document, path: (string | number)[], lineCounter: LineCounter): number | null {
  let node: unknown = doc.contents;
  let offset: number | undefined = (node as { range?: [number] } | null)?.range?.[0];
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      offset = (pair.key as { range?: [number] }).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      offset = (node as { range?: [number] } | undefined)?.range?.[0] ?? offset;
    } else break;
  }
  return offset === undefined ? null : lineCounter.linePos(offset).line;
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
