import { body, errors, pathParam } from './openapi-parts.js';

/** OpenAPI paths of journeys: list, one with its counts per step, validate, activate and pause, trigger. */
export const journeyPaths = {
  '/api/journeys': {
    get: {
      tags: ['journeys'],
      summary: 'The journeys in force, each with its status (active or paused; shipped playbooks start paused) and its runs by status',
      responses: { '200': { description: 'OK' }, ...errors },
    },
  },
  '/api/journeys/validate': {
    post: {
      tags: ['journeys'],
      summary: 'Check a draft journey without saving it; the problems name the path (steps.3.branch.cases.0.when.trait.op). Save it as a definition (PUT /api/definitions)',
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
} as const;
