import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { checkWebhookUrl, publicOnlyLookup } from './webhook-target.js';

export interface WebhookResponse {
  status: number;
  /** The start of the response body, for the ledger's last error. */
  body: string;
}

export interface WebhookOptions {
  /** Whole request, connection included. */
  timeoutMs: number;
  /** Send to loopback and private addresses too (a receiver on the same network, tests). */
  allowPrivate: boolean;
}

const KEEP_BYTES = 2048;

/**
 * POSTs one JSON body and resolves with the status once the response has come, whatever it
 * is; rejects when no response came (refused target, DNS, connection, timeout). Redirects are
 * not followed: a redirect could lead where the target check would refuse to go.
 */
export function postWebhook(url: string, body: string, headers: Record<string, string>, options: WebhookOptions): Promise<WebhookResponse> {
  const target = new URL(url);
  checkWebhookUrl(target, options.allowPrivate);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
        ...(options.allowPrivate ? {} : { lookup: publicOnlyLookup }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on('data', (chunk: Buffer) => {
          if (kept < KEEP_BYTES) chunks.push(chunk);
          kept += chunk.length;
        });
        res.on('end', () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').slice(0, KEEP_BYTES) });
        });
        res.on('error', reject);
      },
    );
    // The whole exchange, from connecting to the last byte of the answer.
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(body);
  });
}
