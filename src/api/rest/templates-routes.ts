import { Hono, type Context } from 'hono';
import { conflict, notFound, validationError } from '../../core/errors.js';
import { journeysUsingTemplate } from '../../core/journeys/journey-templates.js';
import { parseMessageTemplate, type MessageTemplate } from '../../core/templates/message-template.js';
import { renderMessage } from '../../core/templates/render-message.js';
import { SAMPLE_VARIABLES } from '../../core/templates/template-checks.js';
import { messageVariables } from '../../core/templates/template-variables.js';
import type { EngineContext } from '../../engine/context.js';
import { definitionsOf, effectiveDefinitions } from '../../engine/definitions/effective-definitions.js';
import { putDefinition, removeDefinition } from '../../engine/definitions/one-definition.js';
import { journeysOf } from '../../engine/journeys/journeys-in-force.js';
import { parseEmailAddress, type EmailSender } from '../../engine/channels/email-message.js';
import type { ApiVariables } from '../auth.js';

/** Where a preview's unsubscribe link points: it unsubscribes nobody. */
const PREVIEW_UNSUBSCRIBE_URL = 'https://example.com/unsubscribe/preview';

const by = (c: Context<{ Variables: ApiVariables }>) => c.get('user')?.email ?? 'api';

/**
 * `/api/templates`: the message templates in force, one with its parts per locale, checking a
 * draft (Liquid problems with their line), a preview rendered for a chosen contact — in the
 * locale the fallback chain picks for them, or one asked for — or for sample data, and a test
 * send of that rendering to any address, through `email` (SMTP, or the outbox); creating,
 * replacing and deleting one template, the rest left in force (also possible as definitions,
 * `/api/definitions` and `touchpoint apply`). A template a journey sends cannot be deleted or
 * change its channel.
 */
export function templateRoutes(context: EngineContext, email: EmailSender): Hono<{ Variables: ApiVariables }> {
  const app = new Hono<{ Variables: ApiVariables }>();
  const templates = async (workspaceId: string) => definitionsOf(await effectiveDefinitions(context, workspaceId), 'MessageTemplate');
  const find = async (workspaceId: string, id: string) => {
    const template = (await templates(workspaceId)).find((t) => t.id === id);
    if (!template) throw notFound(`message template ${id}`);
    return template;
  };

  app.get('/', async (c) => {
    const items = (await templates(c.get('workspaceId'))).map((t) => ({ id: t.id, name: t.name, description: t.description ?? null, channel: t.channel, locales: Object.keys(t.locales), defaultLocale: t.defaultLocale ?? null }));
    return c.json({ items });
  });

  /** The request's template, checked: its shape, then every part with Liquid. */
  const checked = async (c: Context): Promise<MessageTemplate> => {
    const draft: unknown = await c.req.json().catch(() => undefined);
    if (draft === undefined) throw validationError('the body must be a JSON message template', [{ path: '(template)', message: 'must be JSON' }]);
    const parsed = parseMessageTemplate(draft);
    if (!parsed.ok) throw validationError(`the template has ${parsed.issues.length} problem${parsed.issues.length === 1 ? '' : 's'}`, parsed.issues);
    return parsed.template;
  };

  app.post('/validate', async (c) => c.json({ ok: true, template: await checked(c) }));

  app.post('/', async (c) => {
    const workspaceId = c.get('workspaceId');
    const template = await checked(c);
    if ((await templates(workspaceId)).some((t) => t.id === template.id)) throw conflict(`message template ${template.id} exists; PUT /api/templates/${template.id} replaces it`);
    await putDefinition(context, workspaceId, { kind: 'MessageTemplate', spec: template }, by(c));
    return c.json(template, 201);
  });

  app.put('/:id', async (c) => {
    const workspaceId = c.get('workspaceId');
    const template = await checked(c);
    if (template.id !== c.req.param('id')) throw validationError(`the template's id is ${template.id}, not ${c.req.param('id')} as in the path`, [{ path: 'id', message: `must be ${c.req.param('id')}` }]);
    const using = journeysUsingTemplate(journeysOf(await effectiveDefinitions(context, workspaceId)), template.id, template.channel === 'email' ? 'in-app' : 'email');
    if (using.length > 0) throw conflict(`message template ${template.id} would change channel, but journeys ${using.map((j) => j.id).join(', ')} send it as ${template.channel === 'email' ? 'in-app messages' : 'e-mail'}`);
    const { created } = await putDefinition(context, workspaceId, { kind: 'MessageTemplate', spec: template }, by(c));
    return c.json(template, created ? 201 : 200);
  });

  app.delete('/:id', async (c) => {
    const workspaceId = c.get('workspaceId');
    const id = c.req.param('id');
    const using = journeysUsingTemplate(journeysOf(await effectiveDefinitions(context, workspaceId)), id);
    if (using.length > 0) throw conflict(`message template ${id} is used by journeys ${using.map((j) => j.id).join(', ')}; change them first`);
    if (!(await removeDefinition(context, workspaceId, 'MessageTemplate', id, by(c)))) throw notFound(`message template ${id}`);
    return c.body(null, 204);
  });

  app.get('/:id', async (c) => c.json(await find(c.get('workspaceId'), c.req.param('id'))));

  /** The template rendered for the contact with `userId` (sample data without one), in `locale` or the contact's. */
  const rendering = async (workspaceId: string, id: string, body: { userId?: unknown; locale?: unknown }) => {
    const template = await find(workspaceId, id);
    if (body.userId !== undefined && (typeof body.userId !== 'string' || body.userId === '')) throw validationError('userId must be a contact’s user id', [{ path: 'userId', message: 'must be a non-empty string' }]);
    if (body.locale !== undefined && typeof body.locale !== 'string') throw validationError('locale must be a locale tag', [{ path: 'locale', message: 'must be a string such as en or nb' }]);
    let variables = SAMPLE_VARIABLES;
    if (typeof body.userId === 'string') {
      const contact = await context.store.contacts.findByUserId(workspaceId, body.userId);
      if (!contact) throw notFound(`contact ${body.userId}`);
      const groupId = contact.accounts[0];
      const account = groupId ? ((await context.store.accounts.find(workspaceId, groupId)) ?? null) : null;
      variables = messageVariables({ contact, account, journey: null, unsubscribeUrl: PREVIEW_UNSUBSCRIBE_URL });
    }
    return renderMessage(template, variables, { now: context.clock.now(), ...(typeof body.locale === 'string' ? { locale: body.locale } : {}) });
  };

  app.post('/:id/preview', async (c) => {
    const body = ((await c.req.json().catch(() => ({}))) ?? {}) as { userId?: unknown; locale?: unknown };
    const rendered = await rendering(c.get('workspaceId'), c.req.param('id'), body);
    return c.json({ contact: typeof body.userId === 'string' ? body.userId : null, ...rendered });
  });

  app.post('/:id/test-send', async (c) => {
    const body = ((await c.req.json().catch(() => ({}))) ?? {}) as { to?: unknown; userId?: unknown; locale?: unknown };
    if (typeof body.to !== 'string' || parseEmailAddress(body.to) === null) {
      throw validationError('to must be the e-mail address to send the test to', [{ path: 'to', message: body.to === undefined ? 'is required' : 'must be one e-mail address, e.g. ann@example.com' }]);
    }
    const rendered = await rendering(c.get('workspaceId'), c.req.param('id'), body);
    if (rendered.channel !== 'email') throw validationError(`message template ${c.req.param('id')} is for in-app messages; only e-mail templates can be sent as a test`, [{ path: 'id', message: 'must be an e-mail template' }]);
    const sent = await email.send({
      to: body.to, subject: `[Test] ${rendered.subject}`, html: rendered.html, text: rendered.text,
      messageKey: `${c.get('workspaceId')}:test:${context.ids.id()}`, unsubscribe: null, headers: { 'X-Touchpoint-Test': 'true' },
    });
    return c.json({ to: body.to, contact: typeof body.userId === 'string' ? body.userId : null, locale: rendered.locale, subject: `[Test] ${rendered.subject}`, messageId: sent.messageId });
  });

  return app;
}
