import { body, errors, pathParam } from './openapi-parts.js';

/** OpenAPI paths of journeys and templates: list, one with its counts per step, create, replace, delete, validate, activate and pause, trigger. */
export const journeyPaths = {
  '/api/journeys': {
    get: {
      tags: ['journeys'],
      summary: 'The journeys in force, each with its status (active or paused; shipped playbooks start paused) and its runs by status',
      responses: { '200': { description: 'OK' }, ...errors },
    },
    post: {
      tags: ['journeys'],
      summary: 'Create a journey (active at once), checked as by validate; the other journeys, the shipped playbooks among them, stay in force. 409 when the id is taken',
      requestBody: body({ type: 'object', description: 'A journey definition' }),
      responses: { '201': { description: 'Created: the journey with its status' }, ...errors },
    },
  },
  '/api/journeys/validate': {
    post: {
      tags: ['journeys'],
      summary: 'Check a draft journey without saving it: its shape, and that its message steps name templates in force for their channel; the problems name the path (steps.3.branch.cases.0.when.trait.op)',
      requestBody: body({ type: 'object', description: 'A journey definition' }),
      responses: { '200': { description: 'Valid: the journey with its defaults' }, ...errors },
    },
  },
  '/api/journeys/{id}': {
    get: {
      tags: ['journeys'],
      summary: 'One journey: its definition, status, runs by status, and per step (in order, with the steps it goes to) the runs that entered it, are at it now and converted, and per split arm',
      parameters: [pathParam('id')],
      responses: { '200': { description: 'OK' }, ...errors },
    },
    put: {
      tags: ['journeys'],
      summary: "Create or replace one journey, checked as by validate; its id must be the path's. Runs under way continue on the new steps by step id; a run at a step that is gone exits",
      parameters: [pathParam('id')],
      requestBody: body({ type: 'object', description: 'A journey definition' }),
      responses: { '200': { description: 'Replaced' }, '201': { description: 'Created' }, ...errors },
    },
    delete: {
      tags: ['journeys'],
      summary: 'Delete one journey (a shipped playbook too); the others stay in force. Its runs exit when their timer comes',
      parameters: [pathParam('id')],
      responses: { '204': { description: 'Deleted' }, ...errors },
    },
  },
  '/api/journeys/{id}/activate': {
    post: {
      tags: ['journeys'],
      summary: 'Activate a journey: it takes new entries, and runs held while it was paused move on (what came due meanwhile happens now)',
      parameters: [pathParam('id')],
      responses: { '200': { description: 'The status as stored' }, ...errors },
    },
  },
  '/api/journeys/{id}/pause': {
    post: {
      tags: ['journeys'],
      summary: 'Pause a journey: nothing new enters, its runs wait where they are (timers held, events not delivered to them); messages already queued are still sent',
      parameters: [pathParam('id')],
      responses: { '200': { description: 'The status as stored' }, ...errors },
    },
  },
  '/api/journeys/{id}/trigger': {
    post: {
      tags: ['journeys'],
      summary: 'Start a run of a journey whose trigger is { api: {} } for a contact or account; 201 when started, 200 with the reason when the entry rule refused it, 409 while the journey is paused',
      parameters: [pathParam('id')],
      requestBody: body({
        type: 'object',
        required: ['subject'],
        properties: {
          subject: { type: 'object', required: ['kind', 'id'], properties: { kind: { type: 'string', enum: ['contact', 'account'] }, id: { type: 'string' } } },
          data: { type: 'object', description: 'Kept with the run as its trigger data, for its messages' },
        },
      }),
      responses: { '200': { description: 'Not started: `reason`' }, '201': { description: 'Started: `run`' }, ...errors },
    },
  },
  '/api/templates': {
    get: { tags: ['journeys'], summary: 'The message templates in force: id, name, channel (email or in-app) and locales', responses: { '200': { description: 'OK' }, ...errors } },
    post: {
      tags: ['journeys'],
      summary: 'Create a message template, checked as by validate; the others, the shipped ones among them, stay in force. 409 when the id is taken',
      requestBody: body({ type: 'object', description: 'A message template' }),
      responses: { '201': { description: 'Created' }, ...errors },
    },
  },
  '/api/templates/validate': {
    post: {
      tags: ['journeys'],
      summary: 'Check a draft template without saving it: its shape, then every part with Liquid (syntax, unknown variables and filters), each problem with its path and line',
      requestBody: body({ type: 'object', description: 'A message template' }),
      responses: { '200': { description: 'Valid' }, ...errors },
    },
  },
  '/api/templates/{id}': {
    get: { tags: ['journeys'], summary: 'One message template with its parts per locale', parameters: [pathParam('id')], responses: { '200': { description: 'OK' }, ...errors } },
    put: {
      tags: ['journeys'],
      summary: "Create or replace one message template, checked as by validate; its id must be the path's. 409 when it would change channel under a journey that sends it",
      parameters: [pathParam('id')],
      requestBody: body({ type: 'object', description: 'A message template' }),
      responses: { '200': { description: 'Replaced' }, '201': { description: 'Created' }, ...errors },
    },
    delete: {
      tags: ['journeys'],
      summary: 'Delete one message template; 409 while a journey in force sends it',
      parameters: [pathParam('id')],
      responses: { '204': { description: 'Deleted' }, ...errors },
    },
  },
  '/api/templates/{id}/preview': {
    post: {
      tags: ['journeys'],
      summary: "Render a template for a contact (by userId), in the locale its fallback chain picks or the one asked for, or for sample data; the answer names the locale rendered",
      parameters: [pathParam('id')],
      requestBody: body({ type: 'object', properties: { userId: { type: 'string' }, locale: { type: 'string' } } }),
      responses: { '200': { description: 'The rendered parts: subject, html and text, or title and body' }, ...errors },
    },
  },
  '/api/templates/{id}/test-send': {
    post: {
      tags: ['journeys'],
      summary: 'Send an e-mail template, rendered as the preview renders it (for a contact by userId, or sample data), to any address, with "[Test]" before its subject; over SMTP when TOUCHPOINT_SMTP_URL is set, else into the outbox. Not in the message log, not on a timeline',
      parameters: [pathParam('id')],
      requestBody: body({ type: 'object', required: ['to'], properties: { to: { type: 'string', format: 'email' }, userId: { type: 'string' }, locale: { type: 'string' } } }),
      responses: { '200': { description: 'Sent: the address, the locale rendered, the subject and the Message-ID' }, ...errors },
    },
  },
} as const;
