import { Hono } from 'hono';
import type { EngineContext } from '../engine/context.js';
import { recordEmailEngagement } from '../engine/delivery/email-engagement.js';
import { verifiedLink } from '../engine/delivery/signed-links.js';
import type { Ingestion } from '../engine/ingest.js';

/** A transparent 1×1 GIF. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * `/t`: the open pixel (`/t/o/{token}`) and tracked links (`/t/c/{token}`) in e-mail. The
 * token is signed and carries the destination, so a tracked link goes only where the e-mail
 * said. Recording never stands in the contact's way: the image and the redirect are answered
 * even when recording fails, and an invalid token still gets the image (a link, 404).
 */
export function trackingRoutes(context: EngineContext, ingestion: Ingestion, onError: (error: unknown) => void = (error) => console.error('e-mail tracking failed:', error)): Hono {
  const app = new Hono();
  const record = async (token: string, purpose: 'open' | 'click') => {
    const link = await verifiedLink(context, token).catch(() => null);
    if (!link || link.purpose !== purpose) return null;
    await recordEmailEngagement(context, ingestion, link).catch(onError);
    return link;
  };
  app.get('/o/:token', async (c) => {
    await record(c.req.param('token').replace(/\.gif$/, ''), 'open');
    return c.body(PIXEL, 200, { 'content-type': 'image/gif', 'cache-control': 'no-store, max-age=0' });
  });
  app.get('/c/:token', async (c) => {
    const link = await record(c.req.param('token'), 'click');
    if (!link?.url) return c.text('This link does not work: copy the whole address from the e-mail.', 404);
    return c.redirect(link.url, 302);
  });
  return app;
}
