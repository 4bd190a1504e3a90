import { Hono, type Context } from 'hono';
import { conflict, notFound, validationError } from '../../core/errors.js';
import { journeyTemplateProblems } from '../../core/journeys/journey-templates.js';
import { parseJourney, stepKind, type JourneyDefinition } from '../../core/journeys/journey-definition.js';
import { isShippedPlaybook } from '../../core/journeys/shipped-playbooks.js';
import type { EngineContext } from '../../engine/context.js';
import { definitionsOf, effectiveDefinitions } from '../../engine/definitions/effective-definitions.js';
import { putDefinition, removeDefinition } from '../../engine/definitions/one-definition.js';
import { journeyStatuses, setJourneyStatus } from '../../engine/journeys/journey-status.js';
import { journeysInForce } from '../../engine/journeys/journeys-in-force.js';
import { triggerJourney } from '../../engine/journeys/triggers/trigger-journey.js';
import type { ApiVariables } from '../auth.js';

type ApiContext = Context<{ Variables: ApiVariables }>;

/**
 * `/api/journeys`: the journeys in force with their status and run counts; one journey with
 * its steps, each with its counts (entered, at the step now, converted) and its split arms;
 * checking a draft (its shape, and that its message steps name templates that exist);
 * creating, replacing and deleting one journey (the rest stay in force; also possible as
 * definitions, `/api/definitions` and `touchpoint apply`); activating and pausing; starting a
 * run of an API-triggered journey. A deleted journey's runs exit when their timer comes.
 */
export function journeyRoutes(context: EngineContext): Hono<{ Variables: ApiVariables }> {
  const app = new Hono<{ Variables: ApiVariables }>();
  const { store } = context;
  const by = (c: ApiContext) => c.get('user')?.email ?? 'api';
  const find = async (workspaceId: string, id: string): Promise<JourneyDefinition> => {
    const journey = (await journeysInForce(context, workspaceId)).find((j) => j.id === id);
    if (!journey) throw notFound(`journey ${id}`);
    return journey;
  };
  const describe = async (workspaceId: string, journey: JourneyDefinition) => {
    const status = (await journeyStatuses(context, workspaceId, [journey])).get(journey.id)!;
    return { status: status.status, statusChangedBy: status.set ? status.changedBy : null, statusChangedAt: status.set ? status.changedAt : null, shipped: isShippedPlaybook(journey) };
  };

  app.get('/', async (c) => {
    const workspaceId = c.get('workspaceId');
    const journeys = await journeysInForce(context, workspaceId);
    const items = [];
    for (const journey of journeys) {
      const { steps: _steps, arms: _arms, ...runs } = await store.journeys.stats(workspaceId, journey.id);
      items.push({ id: journey.id, name: journey.name, description: journey.description ?? null, subject: journey.subject, trigger: journey.trigger, goal: journey.goal ?? null, ...(await describe(workspaceId, journey)), runs });
    }
    return c.json({ items });
  });

  /** The request's journey, checked: its shape, then its templates among those in force. */
  const checked = async (c: ApiContext): Promise<JourneyDefinition> => {
    const draft: unknown = await c.req.json().catch(() => undefined);
    if (draft === undefined) throw validationError('the body must be a JSON journey definition', [{ path: '(journey)', message: 'must be JSON' }]);
    const parsed = parseJourney(draft);
    const issues = parsed.ok ? journeyTemplateProblems(parsed.journey, definitionsOf(await effectiveDefinitions(context, c.get('workspaceId')), 'MessageTemplate')) : parsed.issues;
    if (!parsed.ok || issues.length > 0) throw validationError(`the journey has ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
    return parsed.journey;
  };

  app.post('/validate', async (c) => c.json({ ok: true, journey: await checked(c) }));

  app.post('/', async (c) => {
    const workspaceId = c.get('workspaceId');
    const journey = await checked(c);
    if ((await journeysInForce(context, workspaceId)).some((j) => j.id === journey.id)) throw conflict(`journey ${journey.id} exists; PUT /api/journeys/${journey.id} replaces it`);
    await putDefinition(context, workspaceId, { kind: 'Journey', spec: journey }, by(c));
    return c.json({ journey, ...(await describe(workspaceId, journey)) }, 201);
  });

  app.put('/:id', async (c) => {
    const workspaceId = c.get('workspaceId');
    const journey = await checked(c);
    if (journey.id !== c.req.param('id')) throw validationError(`the journey's id is ${journey.id}, not ${c.req.param('id')} as in the path`, [{ path: 'id', message: `must be ${c.req.param('id')}` }]);
    const { created } = await putDefinition(context, workspaceId, { kind: 'Journey', spec: journey }, by(c));
    return c.json({ journey, ...(await describe(workspaceId, journey)) }, created ? 201 : 200);
  });

  app.delete('/:id', async (c) => {
    if (!(await removeDefinition(context, c.get('workspaceId'), 'Journey', c.req.param('id'), by(c)))) throw notFound(`journey ${c.req.param('id')}`);
    return c.body(null, 204);
  });

  app.get('/:id', async (c) => {
    const workspaceId = c.get('workspaceId');
    const journey = await find(workspaceId, c.req.param('id'));
    const stats = await store.journeys.stats(workspaceId, journey.id);
    const steps = journey.steps.map((step, index) => {
      const counts = stats.steps.find((s) => s.stepId === step.id);
      return {
        id: step.id,
        kind: stepKind(step),
        step,
        next: nextSteps(journey, index),
        entered: counts?.entered ?? 0,
        now: counts?.now ?? 0,
        converted: counts?.converted ?? 0,
        arms: stats.arms.filter((a) => a.stepId === step.id).map(({ armId, entered, converted }) => ({ armId, entered, converted })),
      };
    });
    const { steps: _steps, arms: _arms, ...runs } = stats;
    return c.json({ journey, ...(await describe(workspaceId, journey)), runs, steps });
  });

  for (const [action, status] of [['activate', 'active'], ['pause', 'paused']] as const) {
    app.post(`/:id/${action}`, async (c) => {
      const workspaceId = c.get('workspaceId');
      const record = await setJourneyStatus(context, workspaceId, c.req.param('id'), status, by(c));
      return c.json({ id: record.journeyId, status: record.status, statusChangedBy: record.changedBy, statusChangedAt: record.changedAt });
    });
  }

  app.post('/:id/trigger', async (c) => {
    const body = (await c.req.json().catch(() => undefined)) as { subject?: { kind?: unknown; id?: unknown }; data?: unknown } | undefined;
    const kind = body?.subject?.kind;
    const id = body?.subject?.id;
    if ((kind !== 'contact' && kind !== 'account') || typeof id !== 'string' || id === '') {
      throw validationError('say whom the run is for: { "subject": { "kind": "contact" | "account", "id": "..." } }', [{ path: 'subject', message: 'must be { kind: contact or account, id }' }]);
    }
    const data = body?.data ?? {};
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw validationError('data must be an object', [{ path: 'data', message: 'must be an object' }]);
    const result = await triggerJourney(context, c.get('workspaceId'), c.req.param('id'), { kind, id }, data as Record<string, unknown>);
    return c.json(result, result.started ? 201 : 200);
  });

  return app;
}

/** The steps a step can go to: its branches, arms or timeout, and the one after it (the list's next, or `next`). */
function nextSteps(journey: JourneyDefinition, index: number): string[] {
  const step = journey.steps[index]!;
  const after = step.next ?? journey.steps[index + 1]?.id;
  if ('branch' in step) return [...step.branch.cases.map((c) => c.next), step.branch.otherwise];
  if ('split' in step) return step.split.arms.map((a) => a.next);
  if ('exit' in step) return [];
  const targets = after ? [after] : [];
  if ('wait' in step && 'onTimeout' in step.wait) targets.push(step.wait.onTimeout);
  return targets;
}
