import render from 'dom-serializer';
import { Element } from 'domhandler';
import { appendChild, findAll, findOne } from 'domutils';
import { parseDocument } from 'htmlparser2';

export interface Tracking {
  /** The open pixel's address, or null to add none. */
  pixelUrl: string | null;
  /** The tracked address for a link, or null to leave links as they are. */
  linkUrl: ((href: string) => string) | null;
  /** Links left alone whatever `linkUrl` says (the unsubscribe link). */
  untracked: ReadonlySet<string>;
}

/**
 * The HTML part with opens and clicks tracked: every `<a href>` to an http(s) address goes
 * through `linkUrl` (which redirects to it and records the click), and a 1×1 image at the end
 * of the body records the open. Parsed and written back by htmlparser2, so markup the
 * template wrote stays as it was; other links (mailto:, tel:, #anchors) are left alone.
 */
export function trackedHtml(html: string, tracking: Tracking): string {
  if (tracking.pixelUrl === null && tracking.linkUrl === null) return html;
  const document = parseDocument(html);
  if (tracking.linkUrl) {
    for (const link of findAll((e) => e.name === 'a' && typeof e.attribs['href'] === 'string', document.children)) {
      const href = link.attribs['href']!.trim();
      if (/^https?:\/\//i.test(href) && !tracking.untracked.has(href)) link.attribs['href'] = tracking.linkUrl(href);
    }
  }
  if (tracking.pixelUrl) {
    const pixel = new Element('img', { src: tracking.pixelUrl, width: '1', height: '1', alt: '', style: 'display:block;width:1px;height:1px;border:0' });
    const body = findOne((e) => e.name === 'body', document.children);
    if (body) appendChild(body, pixel);
    else appendChild(document, pixel);
  }
  return render(document, { encodeEntities: 'utf8', emptyAttrs: true });
}
