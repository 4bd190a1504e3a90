import { Hono } from 'hono';
import { notFound } from '../../core/errors.js';
import type { EngineContext } from '../../engine/context.js';
import { fitSummary } from '../../core/clv/lifetime-value-report.js';
import { contactLifetimeValue } from '../../engine/metrics/lifetime-value.js';
import { stagesOfSubject } from '../../engine/metrics/frameworks.js';
import type { ApiVariables } from '../auth.js';
import { intParam } from '../query-params.js';

/** `/api/contacts/{userId}` (an anonymousId works too), the contact's timeline and lifetime value. */
export function contactRoutes(context: EngineContext): Hono<{ Variables: ApiVariables }> {
  const app = new Hono<{ Variables: ApiVariables }>();
  const { store } = context;

  const getContact = async (workspaceId: string, userId: string) => {
    const contact = await store.contacts.findByUserId(workspaceId, userId);
    if (!contact) throw notFound(`contact ${userId}`);
    return contact;
  };

  app.get('/:userId', async (c) => c.json(await getContact(c.get('workspaceId'), c.req.param('userId'))));

  app.get('/:userId/timeline', async (c) => {
    const workspaceId = c.get('workspaceId');
    const contact = await getContact(workspaceId, c.req.param('userId'));
    const page = await store.timeline.ofContact(workspaceId, contact.id, {
      limit: intParam(c, 'limit', { min: 1, max: 500, fallback: 50 }),
      cursor: c.req.query('cursor'),
      channel: c.req.query('channel'),
    });
    return c.json(page);
  });

  /** The contact's predicted lifetime value under the workspace's latest fit. */
  app.get('/:userId/lifetime-value', async (c) => {
    const workspaceId = c.get('workspaceId');
    const contact = await getContact(workspaceId, c.req.param('userId'));
    const { fit, customer } = await contactLifetimeValue(context, workspaceId, contact.id);
    return c.json({ fit: fit && fitSummary(fit), customer });
  });

  /** The contact's current stage in each contact framework, and when it reached each stage. */
  app.get('/:userId/stages', async (c) => {
    const workspaceId = c.get('workspaceId');
    const contact = await getContact(workspaceId, c.req.param('userId'));
    return c.json({ items: await stagesOfSubject(context, workspaceId, 'contact', contact.id) });
  });

  return app;
}
