import { body, error, errors, json, pathParam } from './openapi-parts.js';

/** OpenAPI paths of definitions edited through the API: segments and the assignment rules. */

const segment = { type: 'object', description: 'A segment definition: id, name, description?, subject (contact or account), condition' };
const rules = { type: 'object', description: 'An AssignmentRules spec: { rules: [{ id, model, when }], defaultModel }' };
const segmentWithCount = json({ type: 'object', properties: { segment, memberCount: { type: 'integer' } } });
const limit = (fallback: number, max: number) => ({ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: max, default: fallback } });

const yamlBody = {
  required: true,
  content: { 'application/yaml': { schema: { type: 'string' } }, 'text/plain': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'object', properties: { yaml: { type: 'string' } } } } },
};

export const definitionPaths = {
  '/api/definitions': {
    get: {
      tags: ['definitions'],
      summary: 'The definitions in force (stored, or shipped where none of a kind are stored), as objects and as YAML documents',
      parameters: [{ name: 'kind', in: 'query', schema: { type: 'string', enum: ['Segment', 'EngagementModel', 'AssignmentRules', 'EscalationRule', 'TaskTemplate'] } }],
      responses: { '200': { description: 'kinds, items and yaml' }, ...errors },
    },
    put: {
      tags: ['definitions'],
      summary: 'Apply YAML documents (kind + spec), all or nothing, as `touchpoint apply -f`; accounts are re-assigned when segments, models or rules change',
      requestBody: yamlBody,
      responses: { '200': { description: 'What was applied, and the re-assignment' }, '400': { description: 'Nothing was applied; each issue names the line and path in the documents', ...json(error) }, '401': errors['401'] },
    },
  },
  '/api/definitions/validate': {
    post: {
      tags: ['definitions'],
      summary: 'Check YAML documents as PUT /api/definitions would, storing nothing',
      requestBody: yamlBody,
      responses: { '200': { description: 'Valid: the definitions it holds' }, '400': { description: 'The problems, by line and path', ...json(error) }, '401': errors['401'] },
    },
  },
  '/api/segments': {
    get: { tags: ['segments'], summary: 'The segment definitions in force, with stored member counts (`memberCounts` by id)', responses: { '200': { description: 'OK' }, ...errors } },
    post: {
      tags: ['segments'],
      summary: 'Create a segment; its members are computed at once',
      requestBody: body(segment),
      responses: { '201': { description: 'Created', ...segmentWithCount }, '409': { description: 'A segment with this id is in force', ...json(error) }, ...errors },
    },
  },
  '/api/segments/{id}': {
    get: { tags: ['segments'], summary: 'One segment and its member count', parameters: [pathParam('id')], responses: { '200': { description: 'OK', ...segmentWithCount }, '404': { description: 'No such segment', ...json(error) }, ...errors } },
    put: {
      tags: ['segments'],
      summary: 'Create or replace a segment (the body’s id must be the path’s); its members are computed at once',
      parameters: [pathParam('id')],
      requestBody: body(segment),
      responses: { '200': { description: 'Replaced', ...segmentWithCount }, '201': { description: 'Created', ...segmentWithCount }, ...errors },
    },
    delete: {
      tags: ['segments'],
      summary: 'Delete a segment no other definition uses; its members exit now and its history stays readable',
      parameters: [pathParam('id')],
      responses: { '204': { description: 'Deleted' }, '404': { description: 'No such segment', ...json(error) }, '409': { description: 'Used by other definitions (named), or the last stored segment', ...json(error) }, ...errors },
    },
  },
  '/api/segments/{id}/members': {
    get: {
      tags: ['segments'],
      summary: "The segment's members as last refreshed (contact ids or account group ids), the first `limit` named",
      parameters: [pathParam('id'), limit(100, 1000)],
      responses: { '200': { description: 'OK' }, '404': { description: 'No such segment', ...json(error) }, ...errors },
    },
  },
  '/api/segments/{id}/history': {
    get: {
      tags: ['segments'],
      summary: 'Entries into and exits from the segment, newest first (also for a deleted segment)',
      parameters: [pathParam('id'), limit(100, 1000)],
      responses: { '200': { description: 'OK' }, '404': { description: 'No such segment', ...json(error) }, ...errors },
    },
  },
  '/api/segments/preview': {
    post: {
      tags: ['segments'],
      summary: 'How many subjects a draft segment holds now, and a sample of them, before it is saved',
      requestBody: body(segment),
      responses: { '200': { description: 'count, sample (ids) and subjects (the sample, named)' }, ...errors },
    },
  },
  '/api/models/rules': {
    get: { tags: ['models'], summary: 'The assignment rules in force, and whether they are the shipped ones', responses: { '200': { description: 'OK' }, ...errors } },
    put: {
      tags: ['models'],
      summary: 'Apply a rule set: store it, re-assign every account (each move in its history with the user) and keep an audit row',
      requestBody: body(rules),
      responses: { '200': { description: 'The moves, the economics before and after, and the audit row' }, ...errors },
    },
  },
  '/api/models/what-if': {
    post: {
      tags: ['models'],
      summary: 'What a draft rule set would do now: accounts moving (matrix and sample), monthly economics before and after. Nothing is stored',
      requestBody: body(rules),
      responses: { '200': { description: 'OK' }, ...errors },
    },
  },
  '/api/models/rules/history': {
    get: { tags: ['models'], summary: 'Changes of the assignment rules, newest first, with who changed them and what moved', parameters: [limit(50, 500)], responses: { '200': { description: 'OK' }, ...errors } },
  },
  '/api/models/moves': {
    get: {
      tags: ['models'],
      summary: 'Accounts moving between models, per day and destination model',
      parameters: [{ name: 'days', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 730, default: 90 } }],
      responses: { '200': { description: 'OK' }, ...errors },
    },
  },
};
