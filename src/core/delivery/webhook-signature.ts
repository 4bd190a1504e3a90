import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature of a webhook request, as the receiver checks it:
 *
 *     Touchpoint-Signature: t=1767268800,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd
 *
 * `t` is the time of sending in Unix seconds and `v1` the hex HMAC-SHA256 of `t.body` under the
 * workspace's webhook secret. Signing the time with the body lets a receiver refuse a request
 * replayed later (compare `t` with its clock, e.g. within five minutes).
 */
export function webhookSignature(secret: string, sentAt: number, body: string): string {
  const t = Math.floor(sentAt / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/** A receiver's check: the signature holds for this body and was made within `toleranceMs` of `now`. */
export function verifyWebhookSignature(secret: string, header: string, body: string, now: number, toleranceMs = 5 * 60_000): boolean {
  const fields = new Map(header.split(',').map((part) => part.trim().split('=', 2) as [string, string]));
  const t = Number(fields.get('t'));
  const given = fields.get('v1');
  if (!Number.isInteger(t) || !given || Math.abs(now - t * 1000) > toleranceMs) return false;
  const expected = Buffer.from(webhookSignature(secret, t * 1000, body).split('v1=')[1]!);
  return expected.length === given.length && timingSafeEqual(expected, Buffer.from(given));
}
