import { Hono } from 'hono';
import { html } from 'hono/html';
import type { EngineContext } from '../engine/context.js';
import { unsubscribe, unsubscribeLinkContact } from '../engine/delivery/unsubscribe.js';
import type { Ingestion } from '../engine/ingest.js';

/**
 * `/u/{token}`: the unsubscribe link in every e-mail. Opening it (GET) only asks, because mail
 * scanners follow links; the button, or a mailbox provider's one-click POST (RFC 8058,
 * `List-Unsubscribe=One-Click`), unsubscribes. No login: the signed token is the authority.
 */
export function unsubscribeRoutes(context: EngineContext, ingestion: Ingestion): Hono {
  const app = new Hono();
  app.get('/:token', async (c) => {
    const named = await unsubscribeLinkContact(context, c.req.param('token'));
    if (!named) return c.html(page('This link does not work', html`<p>The unsubscribe link is not valid. Copy the whole address from the e-mail, or reply to it and ask to be removed.</p>`), 404);
    const who = named.address ?? 'this contact';
    return c.html(page('Unsubscribe', html`<p>Stop e-mail to <strong>${who}</strong>?</p><form method="post"><button type="submit">Unsubscribe</button></form>`));
  });
  app.post('/:token', async (c) => {
    const outcome = await unsubscribe(context, ingestion, c.req.param('token'));
    if (!outcome.ok) return c.html(page('This link does not work', html`<p>The unsubscribe link is not valid.</p>`), 404);
    return c.html(page('Unsubscribed', html`<p>${outcome.address ?? 'You'} will get no more e-mail from us.</p>`));
  });
  return app;
}

function page(title: string, body: ReturnType<typeof html>) {
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2937}button{font:inherit;padding:.5rem 1rem;border-radius:.375rem;border:1px solid #1f2937;background:#1f2937;color:#fff;cursor:pointer}</style>
</head><body><h1>${title}</h1>${body}</body></html>`;
}
