import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { EngineContext } from '../engine/context.js';
import type { Ingestion } from '../engine/ingest.js';
import { requireAuth, sessionRoutes, type ApiVariables } from './auth.js';
import { handleError } from './errors.js';
import { ingestionRoutes } from './ingestion-routes.js';
import { openApiDocument } from './openapi.js';
import { accountRoutes } from './rest/accounts-routes.js';
import { contactRoutes } from './rest/contacts-routes.js';
import { metricRoutes } from './rest/metrics-routes.js';
import { frameworkRoutes } from './rest/frameworks-routes.js';
import { scoreRoutes } from './rest/scores-routes.js';
import { goalRoutes } from './rest/goals-routes.js';
import { definitionRoutes } from './rest/definitions-routes.js';
import { modelRoutes } from './rest/models-routes.js';
import { segmentRoutes } from './rest/segments-routes.js';
import { outboxRoutes } from './rest/outbox-routes.js';
import { messageLogRoutes, suppressionRoutes } from './rest/delivery-routes.js';
import { effectRoutes, webhookSecretRoutes } from './rest/effects-routes.js';
import { journeyRoutes } from './rest/journeys-routes.js';
import { templateRoutes } from './rest/templates-routes.js';
import { OUTBOX_FROM } from '../engine/channels/email-channel.js';
import type { EmailSender } from '../engine/channels/email-message.js';
import { createOutboxSender } from '../engine/channels/outbox-sender.js';
import { storeOutbox } from '../engine/channels/store-outbox.js';
import { unsubscribeRoutes } from './unsubscribe-routes.js';
import { inAppRoutes } from './in-app-routes.js';
import { trackingRoutes } from './tracking-routes.js';
import { overviewRoutes } from './rest/overview-routes.js';
import { taskRoutes } from './rest/tasks-routes.js';
import { teamRoutes } from './rest/team-routes.js';

export interface AppOptions {
  /** Built dashboard (`web/dist`); without it only the APIs are served. */
  webRoot?: string;
  /** Where a template's test send goes (`POST /api/templates/{id}/test-send`); the outbox when absent. */
  email?: EmailSender;
}

/** The whole HTTP surface: Segment ingestion at `/v1`, REST at `/api`, sessions at `/auth`, unsubscribe links at `/u`, e-mail tracking at `/t`, the dashboard at `/`. */
export function createApp(context: EngineContext, ingestion: Ingestion, options: AppOptions = {}): Hono {
  const app = new Hono();
  app.onError(handleError);
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `no route ${c.req.method} ${new URL(c.req.url).pathname}` } }, 404));

  app.route('/v1/in-app', inAppRoutes(context, ingestion));
  app.route('/v1', ingestionRoutes(context, ingestion));
  app.route('/auth', sessionRoutes(context));
  app.route('/u', unsubscribeRoutes(context, ingestion));
  app.route('/t', trackingRoutes(context, ingestion));
  app.get('/api/openapi.json', (c) => c.json(openApiDocument));
  app.get('/health', (c) => c.json({ ok: true }));

  const api = new Hono<{ Variables: ApiVariables }>();
  api.use('*', requireAuth(context));
  api.get('/me', (c) => c.json({ workspaceId: c.get('workspaceId'), user: c.get('user') }));
  api.route('/overview', overviewRoutes(context));
  api.route('/accounts', accountRoutes(context));
  api.route('/contacts', contactRoutes(context));
  api.route('/metrics', metricRoutes(context));
  api.route('/frameworks', frameworkRoutes(context));
  api.route('/scores', scoreRoutes(context));
  api.route('/goals', goalRoutes(context));
  api.route('/models', modelRoutes(context));
  api.route('/segments', segmentRoutes(context));
  api.route('/definitions', definitionRoutes(context));
  api.route('/team', teamRoutes(context));
  api.route('/tasks', taskRoutes(context));
  api.route('/outbox', outboxRoutes(context));
  api.route('/suppressions', suppressionRoutes(context));
  api.route('/messages', messageLogRoutes(context));
  api.route('/journeys', journeyRoutes(context));
  api.route('/templates', templateRoutes(context, options.email ?? createOutboxSender(storeOutbox(context.store, context.clock), { from: OUTBOX_FROM })));
  api.route('/effects', effectRoutes(context));
  api.route('/webhook-secret', webhookSecretRoutes(context));
  app.route('/api', api);

  const webRoot = options.webRoot;
  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    const index = readFileSync(join(webRoot, 'index.html'), 'utf8');
    app.use('/assets/*', serveStatic({ root: webRoot }));
    app.get('/assets/*', (c) => c.notFound());
    app.use('/*', serveStatic({ root: webRoot }));
    // The dashboard routes in the browser: any other GET of a page shows the dashboard.
    app.get('*', (c, next) => (/^\/(api|v1|auth|u|t)(\/|$)/.test(c.req.path) ? next() : c.html(index)));
  }
  return app;
}
