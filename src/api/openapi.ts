import { error, errors, json } from './openapi-parts.js';
import { definitionPaths } from './openapi-definitions.js';
import { teamPaths, teamSchemas } from './openapi-team.js';
import { deliveryPaths } from './openapi-delivery.js';
import { journeyPaths } from './openapi-journeys.js';
import { metricPaths } from './openapi-metrics.js';

/** OpenAPI 3.1 description of the REST API and the Segment-compatible ingestion API. */

const pageParams = [
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
  { name: 'cursor', in: 'query', schema: { type: 'string' }, description: '`nextCursor` of the previous page' },
  { name: 'channel', in: 'query', schema: { $ref: '#/components/schemas/Channel' } },
];
const ingest = (summary: string, schema: object) => ({
  post: {
    tags: ['ingestion'],
    summary,
    security: [{ writeKey: [] }],
    requestBody: { required: true, content: { 'application/json': { schema }, 'text/plain': { schema } } },
    responses: {
      '200': { description: 'Stored durably', ...json({ type: 'object', properties: { success: { type: 'boolean' }, stored: { type: 'integer' } } }) },
      '400': { description: 'Malformed or oversized input. In a batch the valid messages are stored (see `stored`) and each rejected one is named.', ...json(error) },
      '401': errors['401'],
    },
  },
});
const message = { $ref: '#/components/schemas/Message' };

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Touchpoint API',
    version: '0.1.0',
    description: 'REST API (Bearer API token, or the dashboard session cookie) and Segment-compatible ingestion (write key as Basic auth user name).',
  },
  servers: [{ url: '/' }],
  security: [{ bearer: [] }],
  tags: [{ name: 'accounts' }, { name: 'contacts' }, { name: 'models' }, { name: 'segments' }, { name: 'overview' }, { name: 'metrics' }, { name: 'definitions' }, { name: 'team' }, { name: 'tasks' }, { name: 'journeys' }, { name: 'delivery' }, { name: 'ingestion' }],
  paths: {
    '/api/me': { get: { tags: ['overview'], summary: 'The caller: workspace and, for a session, the user', responses: { '200': { description: 'OK' }, ...errors } } },
    '/api/overview': {
      get: {
        tags: ['overview'],
        summary: 'Totals and interactions per day and channel',
        parameters: [{ name: 'days', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 730, default: 90 } }],
        responses: { '200': { description: 'OK' }, ...errors },
      },
    },
    '/api/accounts': {
      get: {
        tags: ['accounts'],
        summary: 'List accounts with filters, sorted, a page at a time',
        parameters: [
          { name: 'q', in: 'query', schema: { type: 'string' }, description: 'Substring of name or groupId' },
          { name: 'plan', in: 'query', schema: { type: 'string' } },
          { name: 'industry', in: 'query', schema: { type: 'string' } },
          { name: 'complexity', in: 'query', schema: { type: 'string', enum: ['low', 'medium', 'high'] } },
          { name: 'owner', in: 'query', schema: { type: 'string' }, description: 'Owner (CSM) e-mail' },
          { name: 'minMrr', in: 'query', schema: { type: 'number' } },
          { name: 'maxMrr', in: 'query', schema: { type: 'number' } },
          { name: 'sort', in: 'query', schema: { type: 'string', enum: ['name', 'mrr', 'renewalDate', 'updatedAt', 'lastSeenAt'] } },
          { name: 'order', in: 'query', schema: { type: 'string', enum: ['asc', 'desc'] } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
          { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
        ],
        responses: {
          '200': { description: 'A page of accounts', ...json({ type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Account' } }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } } }) },
          ...errors,
        },
      },
    },
    '/api/accounts/facets': { get: { tags: ['accounts'], summary: 'Values of plan, industry, complexity and owner for filters', responses: { '200': { description: 'OK' }, ...errors } } },
    '/api/accounts/{groupId}': {
      get: {
        tags: ['accounts'],
        summary: 'One account with its contacts',
        parameters: [{ name: 'groupId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'OK', ...json({ $ref: '#/components/schemas/Account' }) }, '404': { description: 'No such account', ...json(error) }, ...errors },
      },
    },
    '/api/accounts/{groupId}/timeline': {
      get: {
        tags: ['accounts'],
        summary: "The account's interactions and its contacts', newest first",
        parameters: [{ name: 'groupId', in: 'path', required: true, schema: { type: 'string' } }, ...pageParams],
        responses: { '200': { description: 'OK', ...json({ $ref: '#/components/schemas/TimelinePage' }) }, '404': { description: 'No such account', ...json(error) }, ...errors },
      },
    },
    '/api/accounts/{groupId}/model-history': {
      get: {
        tags: ['accounts'],
        summary: "Changes of the account's engagement model and phase, newest first, with who made them and why",
        parameters: [{ name: 'groupId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'OK' }, '404': { description: 'No such account', ...json(error) }, ...errors },
      },
    },
    '/api/models': {
      get: {
        tags: ['models'],
        summary: 'Engagement models in force with their accounts and monthly economics (revenue, cost to serve, margin, cost share), and accounts whose model the economics question',
        responses: { '200': { description: 'OK' }, ...errors },
      },
    },
    ...definitionPaths,
    '/api/contacts/{userId}': {
      get: {
        tags: ['contacts'],
        summary: 'One contact, by userId (or anonymousId)',
        parameters: [{ name: 'userId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'OK', ...json({ $ref: '#/components/schemas/Contact' }) }, '404': { description: 'No such contact', ...json(error) }, ...errors },
      },
    },
    '/api/contacts/{userId}/timeline': {
      get: {
        tags: ['contacts'],
        summary: "The contact's interactions across channels, newest first",
        parameters: [{ name: 'userId', in: 'path', required: true, schema: { type: 'string' } }, ...pageParams],
        responses: { '200': { description: 'OK', ...json({ $ref: '#/components/schemas/TimelinePage' }) }, '404': { description: 'No such contact', ...json(error) }, ...errors },
      },
    },
    ...metricPaths,
    ...teamPaths,
    ...journeyPaths,
    ...deliveryPaths,
    '/v1/identify': ingest('Segment identify', message),
    '/v1/track': ingest('Segment track', message),
    '/v1/page': ingest('Segment page', message),
    '/v1/screen': ingest('Segment screen', message),
    '/v1/group': ingest('Segment group', message),
    '/v1/alias': ingest('Segment alias', message),
    '/v1/batch': ingest('Segment batch: up to 500 KB, each message up to 32 KB; validated per message', {
      type: 'object',
      required: ['batch'],
      properties: { batch: { type: 'array', items: message }, context: { type: 'object' }, writeKey: { type: 'string' } },
    }),
  },
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', description: 'API token (`touchpoint keys --json`)' },
      writeKey: { type: 'http', scheme: 'basic', description: 'Write key as the user name, empty password' },
    },
    schemas: {
      Error: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: {
              code: { type: 'string', enum: ['validation', 'not_found', 'conflict', 'unauthorized', 'payload_too_large', 'rate_limited', 'internal'] },
              message: { type: 'string' },
              issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string', examples: ['batch.3.timestamp'] }, message: { type: 'string' } } } },
            },
          },
        },
      },
      Channel: { type: 'string', enum: ['email', 'chat', 'phone', 'social', 'web', 'in_app', 'in_person', 'support_ticket', 'review'] },
      Message: {
        type: 'object',
        required: ['type'],
        properties: {
          type: { type: 'string', enum: ['identify', 'track', 'page', 'screen', 'group', 'alias'] },
          messageId: { type: 'string', description: 'Retries with the same messageId are stored once' },
          userId: { type: 'string' },
          anonymousId: { type: 'string' },
          event: { type: 'string' },
          name: { type: 'string' },
          groupId: { type: 'string' },
          previousId: { type: 'string' },
          timestamp: { type: 'string', format: 'date-time' },
          properties: { type: 'object' },
          traits: { type: 'object' },
          context: { type: 'object' },
        },
      },
      Account: {
        type: 'object',
        properties: {
          groupId: { type: 'string' }, name: { type: ['string', 'null'] }, plan: { type: ['string', 'null'] }, mrr: { type: ['number', 'null'] },
          contractValue: { type: ['number', 'null'] }, industry: { type: ['string', 'null'] }, employees: { type: ['integer', 'null'] },
          complexity: { type: ['string', 'null'] }, renewalDate: { type: ['integer', 'null'], description: 'epoch ms' }, ownerEmail: { type: ['string', 'null'] },
          traits: { type: 'object' }, createdAt: { type: 'integer' }, updatedAt: { type: 'integer' }, contactCount: { type: 'integer' }, lastSeenAt: { type: ['integer', 'null'] },
          model: {
            type: ['object', 'null'],
            description: 'GET /api/accounts/{groupId} only: the engagement model, its phase and why',
            properties: { modelId: { type: 'string' }, phaseId: { type: 'string' }, ruleId: { type: ['string', 'null'] }, reason: { type: 'string' }, since: { type: 'integer' }, phaseSince: { type: 'integer' } },
          },
          owner: {
            type: ['object', 'null'],
            description: 'GET /api/accounts/{groupId} only: the CSM who owns the account and why',
            properties: { memberId: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' }, reason: { type: 'string' }, since: { type: 'integer' } },
          },
          escalation: {
            type: ['object', 'null'],
            description: 'GET /api/accounts/{groupId} only: set while an escalation rule holds the account in a more hands-on model',
            properties: { ruleId: { type: 'string' }, fromModel: { type: 'string' }, fromPhase: { type: 'string' }, escalatedAt: { type: 'integer' }, healthySince: { type: ['integer', 'null'] } },
          },
          openTasks: { type: 'array', items: { $ref: '#/components/schemas/Task' }, description: 'GET /api/accounts/{groupId} only' },
        },
      },
      Contact: {
        type: 'object',
        properties: {
          id: { type: 'string' }, userIds: { type: 'array', items: { type: 'string' } }, anonymousIds: { type: 'array', items: { type: 'string' } },
          email: { type: ['string', 'null'] }, name: { type: ['string', 'null'] }, locale: { type: ['string', 'null'] }, timezone: { type: ['string', 'null'] },
          traits: { type: 'object' }, createdAt: { type: 'integer' }, updatedAt: { type: 'integer' }, accounts: { type: 'array', items: { type: 'string' } },
        },
      },
      TimelineEntry: {
        type: 'object',
        properties: {
          id: { type: 'integer' }, messageId: { type: 'string' }, type: { type: 'string' }, name: { type: ['string', 'null'] },
          contactId: { type: ['string', 'null'] }, userId: { type: ['string', 'null'] }, groupId: { type: ['string', 'null'] },
          timestamp: { type: 'integer' }, channel: { $ref: '#/components/schemas/Channel' }, direction: { type: 'string', enum: ['inbound', 'outbound'] },
          category: { type: 'string' }, rating: { type: ['number', 'null'] }, sentiment: { type: ['number', 'null'] }, revenue: { type: ['number', 'null'] }, properties: { type: 'object' },
        },
      },
      ...teamSchemas,
      TimelinePage: {
        type: 'object',
        properties: { items: { type: 'array', items: { $ref: '#/components/schemas/TimelineEntry' } }, nextCursor: { type: ['string', 'null'] } },
      },
    },
  },
} as const;
