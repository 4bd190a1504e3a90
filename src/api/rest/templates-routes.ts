import { Hono } from 'hono';
import { notFound, validationError } from '../../core/errors.js';
import { parseMessageTemplate } from '../../core/templates/message-template.js';
import { renderMessage } from '../../core/templates/render-message.js';
import { SAMPLE_VARIABLES } from '../../core/templates/template-checks.js';
import { messageVariables } from '../../core/templates/template-variables.js';
import type { EngineContext } from '../../engine/context.js';
import { effectiveDefinitions } from '../../engine/definitions/effective-definitions.js';
import type { ApiVariables } from '../auth.js';

/**
 * `/api/templates`: the message templates in force, one with its parts per locale, checking a
 * draft (Liquid problems with their line), and a preview rendered for a chosen contact — in
 * the locale the fallback chain picks for them, or one asked for — or for sample data.
 * Templates are created, changed and deleted as definitions (`/api/definitions`, `touchpoint apply`).
 */
export function templateRoutes(context: EngineContext): Hono<{ Variables: ApiVariables }> {
  const app = new Hono<{ Variables: ApiVariables }>();
  const templates = async (workspaceId: string) => (await effectiveDefinitions(context, workspaceId)).flatMap((d) => (d.kind === 'MessageTemplate' ? [d.spec] : []));
  const find = async (workspaceId: string, id: string) => {
    const template = (await templates(workspaceId)).find((t) => t.id === id);
    if (!template) throw notFound(`message template ${id}`);
    return template;
  };

  app.get('/', async (c) => {
    const items = (await templates(c.get('workspaceId'))).map((t) => ({ id: t.id, name: t.name, description: t.description ?? null, channel: t.channel, locales: Object.keys(t.locales), defaultLocale: t.defaultLocale ?? null }));
    return c.json({ items });
  });

  app.post('/validate', async (c) => {
    const draft: unknown = await c.req.json().catch(() => undefined);
    if (draft === undefined) throw validationError('the body must be a JSON message template', [{ path: '(template)', message: 'must be JSON' }]);
    const parsed = parseMessageTemplate(draft);
    if (!parsed.ok) throw validationError(`the template has ${parsed.issues.length} problem${parsed.issues.length === 1 ? '' : 's'}`, parsed.issues);
    return c.json({ ok: true, template: parsed.template });
  });

  app.get('/:id', async (c) => c.json(await find(c.get('workspaceId'), c.req.param('id'))));

  app.post('/:id/preview', async (c) => {
    const workspaceId = c.get('workspaceId');
    const template = await find(workspaceId, c.req.param('id'));
    const body = ((await c.req.json().catch(() => ({}))) ?? {}) as { userId?: unknown; locale?: unknown };
    if (body.userId !== undefined && (typeof body.userId !== 'string' || body.userId === '')) throw validationError('userId must be a contact’s user id', [{ path: 'userId', message: 'must be a non-empty string' }]);
    if (body.locale !== undefined && typeof body.locale !== 'string') throw validationError('locale must be a locale tag', [{ path: 'locale', message: 'must be a string such as en or nb' }]);
    let variables = SAMPLE_VARIABLES;
    if (typeof body.userId === 'string') {
      const contact = await context.store.contacts.findByUserId(workspaceId, body.userId);
      if (!contact) throw notFound(`contact ${body.userId}`);
      const groupId = contact.accounts[0];
      const account = groupId ? ((await context.store.accounts.find(workspaceId, groupId)) ?? null) : null;
      variables = messageVariables({ contact, account, journey: null, unsubscribeUrl: 'https://example.com/unsubscribe/preview' });
    }
    const rendered = renderMessage(template, variables, { now: context.clock.now(), ...(typeof body.locale === 'string' ? { locale: body.locale } : {}) });
    return c.json({ contact: typeof body.userId === 'string' ? body.userId : null, ...rendered });
  });

  return app;
}
