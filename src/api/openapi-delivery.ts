import { body, error, errors, json, pathParam } from './openapi-parts.js';

/** OpenAPI paths of consent and the message log. */
export const deliveryPaths = {
  '/api/suppressions': {
    get: {
      tags: ['delivery'],
      summary: 'Addresses that get no more e-mail (unsubscribed, bounced, complained, or added by hand), newest first',
      parameters: [
        { name: 'reason', in: 'query', schema: { type: 'string', enum: ['unsubscribed', 'bounced', 'complained', 'manual'] } },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 10000, default: 200 } },
      ],
      responses: { '200': { description: 'OK' }, ...errors },
    },
    post: {
      tags: ['delivery'],
      summary: 'Suppress addresses: an import, or bounces and complaints an e-mail provider reports. An address already suppressed keeps its first reason',
      requestBody: body({
        type: 'object',
        required: ['addresses'],
        properties: {
          addresses: { type: 'array', items: { type: 'string', format: 'email' }, minItems: 1, maxItems: 10000 },
          reason: { type: 'string', enum: ['unsubscribed', 'bounced', 'complained', 'manual'], default: 'manual' },
          detail: { type: 'string', maxLength: 2000 },
        },
      }),
      responses: { '201': { description: '`added` and `alreadySuppressed` counts' }, ...errors },
    },
  },
  '/api/suppressions/{address}': {
    delete: {
      tags: ['delivery'],
      summary: 'Let an address receive e-mail again (the person asked). A contact with the trait `unsubscribed: true` still gets none until the trait changes',
      parameters: [pathParam('address')],
      responses: { '204': { description: 'Removed' }, '404': { description: 'The address is not suppressed', ...json(error) }, ...errors },
    },
  },
  '/api/messages': {
    get: {
      tags: ['delivery'],
      summary: 'The message log: every message journeys sent or held back (status sent, bounced, suppressed or capped, with the reason), newest first',
      parameters: [
        { name: 'contact', in: 'query', description: "One contact's messages", schema: { type: 'string' } },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
      ],
      responses: { '200': { description: 'OK' }, ...errors },
    },
  },
  '/api/effects': {
    get: {
      tags: ['journeys'],
      summary: "The journeys' effects ledger in the order created; status=dead is the dead-letter list, with each one's last error",
      parameters: [
        { name: 'status', in: 'query', schema: { type: 'string', enum: ['pending', 'done', 'failed', 'dead'] } },
        { name: 'kind', in: 'query', schema: { type: 'string', enum: ['email', 'in-app', 'webhook', 'task', 'set-trait', 'change-model'] } },
        { name: 'run', in: 'query', description: "One run's effects", schema: { type: 'string' } },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 200 } },
      ],
      responses: { '200': { description: 'OK' }, ...errors },
    },
  },
  '/api/effects/{key}/retry': {
    post: {
      tags: ['journeys'],
      summary: 'Give a dead (or failed) effect a fresh start: due now, attempts counted from nothing',
      parameters: [pathParam('key')],
      responses: { '200': { description: 'Pending again' }, '404': { description: 'No dead or failed effect with this key', ...json(error) }, ...errors },
    },
  },
  '/api/webhook-secret': {
    get: {
      tags: ['delivery'],
      summary: 'The secret webhook requests are signed with (Touchpoint-Signature: t=..., v1=HMAC-SHA256 of "t.body"), made on first use',
      responses: { '200': { description: 'OK' }, ...errors },
    },
  },
};
