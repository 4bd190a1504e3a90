import { Hono, type Context } from 'hono';
import { DEFINITION_KINDS, definitionsToYaml } from '../../core/definitions/definition-documents.js';
import { validationError } from '../../core/errors.js';
import type { EngineContext } from '../../engine/context.js';
import { applyDefinitions } from '../../engine/definitions/apply-definitions.js';
import { putDefinitionsInEffect } from '../../engine/definitions/definitions-in-effect.js';
import { effectiveDefinitions } from '../../engine/definitions/effective-definitions.js';
import { definitionId } from '../../store/definitions.js';
import type { ApiVariables } from '../auth.js';
import { enumParam } from '../query-params.js';

/** The name problems in a request's documents are reported under, as `touchpoint apply` names a file. */
const REQUEST_FILE = 'request';

/**
 * `/api/definitions`: every kind of definition as YAML documents, the same as `touchpoint
 * export` and `touchpoint apply -f` — read, checked without storing, or applied all or nothing.
 * The body is the YAML text (`text/yaml`, `application/yaml`, `text/plain`) or JSON `{ "yaml": "..." }`.
 */
export function definitionRoutes(context: EngineContext): Hono<{ Variables: ApiVariables }> {
  const app = new Hono<{ Variables: ApiVariables }>();

  app.get('/', async (c) => {
    const kind = enumParam(c, 'kind', DEFINITION_KINDS);
    const items = (await effectiveDefinitions(context, c.get('workspaceId'))).filter((d) => !kind || d.kind === kind);
    return c.json({ kinds: DEFINITION_KINDS, items, yaml: definitionsToYaml(items) });
  });

  app.post('/validate', async (c) => {
    const result = await applyDefinitions(context, c.get('workspaceId'), [{ name: REQUEST_FILE, text: await yamlOf(c) }], by(c), { dryRun: true });
    if (!result.ok) throw invalid(result.issues);
    return c.json({ ok: true, definitions: result.applied.map((d) => ({ kind: d.kind, id: definitionId(d) })) });
  });

  app.put('/', async (c) => {
    const workspaceId = c.get('workspaceId');
    const result = await applyDefinitions(context, workspaceId, [{ name: REQUEST_FILE, text: await yamlOf(c) }], by(c));
    if (!result.ok) throw invalid(result.issues);
    const assigned = await putDefinitionsInEffect(context, workspaceId, result.applied, by(c));
    return c.json({ applied: result.applied.map((d) => ({ kind: d.kind, id: definitionId(d) })), assigned });
  });

  return app;
}

const by = (c: Context<{ Variables: ApiVariables }>) => c.get('user')?.email ?? 'api';

async function yamlOf(c: Context): Promise<string> {
  const type = c.req.header('content-type') ?? '';
  if (!type.includes('json')) return c.req.text();
  const body = (await c.req.json().catch(() => undefined)) as { yaml?: unknown } | undefined;
  if (typeof body?.yaml !== 'string') throw validationError('send the documents as YAML text, or as JSON { "yaml": "..." }', [{ path: 'yaml', message: 'must be a string' }]);
  return body.yaml;
}

/** Document issues as field issues; the line, where known, leads the path (`line 12: documents.1.spec.id`). */
function invalid(issues: readonly { line: number | null; path: string; message: string }[]) {
  return validationError(
    `nothing was applied: ${issues.length} problem${issues.length === 1 ? '' : 's'}`,
    issues.map((i) => ({ path: i.line === null ? i.path : `line ${i.line}: ${i.path}`, message: i.message })),
  );
}
