import { body, error, errors, json, pathParam } from './openapi-parts.js';

/** OpenAPI paths and schemas of the human side: team members, account owners and tasks. */

const task = { $ref: '#/components/schemas/Task' };
const tasks = json({ type: 'object', properties: { items: { type: 'array', items: task } } });
const limit = { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 200 } };

export const teamPaths = {
  '/api/outbox': {
    get: {
      tags: ['journeys'],
      summary: 'E-mail journeys would have sent, kept because TOUCHPOINT_SMTP_URL is not set; newest first',
      parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } }],
      responses: { '200': { description: 'OK' }, ...errors },
    },
  },
  '/api/team': {
    get: { tags: ['team'], summary: 'Team members with the number of accounts each owns', responses: { '200': { description: 'OK' }, ...errors } },
    post: {
      tags: ['team'],
      summary: 'Add a team member',
      requestBody: body({ $ref: '#/components/schemas/TeamMemberInput' }),
      responses: { '201': { description: 'Added' }, '409': { description: 'The e-mail is already on the team', ...json(error) }, ...errors },
    },
  },
  '/api/team/{id}': {
    put: {
      tags: ['team'],
      summary: "Replace a team member's details",
      parameters: [pathParam('id')],
      requestBody: body({ $ref: '#/components/schemas/TeamMemberInput' }),
      responses: { '200': { description: 'OK' }, '404': { description: 'No such member', ...json(error) }, '409': { description: 'The e-mail belongs to someone else', ...json(error) }, ...errors },
    },
  },
  '/api/accounts/{groupId}/owner': {
    put: {
      tags: ['accounts'],
      summary: "Reassign the account's owner (null releases it); its open tasks follow. Answers with the owner history",
      parameters: [pathParam('groupId')],
      requestBody: body({ type: 'object', required: ['memberId'], properties: { memberId: { type: ['string', 'null'] }, reason: { type: 'string' } } }),
      responses: { '200': { description: 'OK' }, '404': { description: 'No such account or member', ...json(error) }, ...errors },
    },
  },
  '/api/accounts/{groupId}/owner-history': {
    get: { tags: ['accounts'], summary: 'Every change of the account’s owner, newest first', parameters: [pathParam('groupId')], responses: { '200': { description: 'OK' }, ...errors } },
  },
  '/api/tasks': {
    get: {
      tags: ['tasks'],
      summary: 'Tasks, soonest due first, filtered by status, owner, account or overdue',
      parameters: [
        { name: 'status', in: 'query', schema: { type: 'string', enum: ['open', 'done', 'cancelled'] } },
        { name: 'owner', in: 'query', schema: { type: 'string' }, description: 'Team member id' },
        { name: 'account', in: 'query', schema: { type: 'string' }, description: 'Group id' },
        { name: 'overdue', in: 'query', schema: { type: 'boolean' } },
        limit,
      ],
      responses: { '200': { description: 'OK', ...tasks }, ...errors },
    },
    post: {
      tags: ['tasks'],
      summary: 'Add a task by hand; it goes to the given owner, else the account’s owner',
      requestBody: body({
        type: 'object',
        required: ['groupId', 'type', 'title', 'dueAt'],
        properties: { groupId: { type: 'string' }, type: { $ref: '#/components/schemas/TaskType' }, title: { type: 'string' }, description: { type: 'string' }, dueAt: { type: ['integer', 'string'], description: 'epoch ms or ISO-8601' }, ownerId: { type: 'string' } },
      }),
      responses: { '201': { description: 'Created', ...json(task) }, ...errors },
    },
  },
  '/api/tasks/mine': {
    get: {
      tags: ['tasks'],
      summary: "The signed-in user's tasks (the team member with the user's e-mail); open unless `status` says otherwise",
      parameters: [{ name: 'status', in: 'query', schema: { type: 'string', enum: ['open', 'done', 'cancelled'] } }, limit],
      responses: { '200': { description: 'The member (null when not on the team) and the tasks' }, ...errors },
    },
  },
  '/api/tasks/overdue': { get: { tags: ['tasks'], summary: 'Open tasks past their due time, across the team', parameters: [limit], responses: { '200': { description: 'OK', ...tasks }, ...errors } } },
  '/api/tasks/{id}': {
    patch: {
      tags: ['tasks'],
      summary: 'Close a task with its outcome (done writes it to the account’s timeline), or move its due time or owner',
      parameters: [pathParam('id')],
      requestBody: body({
        type: 'object',
        properties: {
          status: { type: 'string', enum: ['done', 'cancelled'] }, outcome: { type: 'string' }, channel: { $ref: '#/components/schemas/Channel' },
          dueAt: { type: ['integer', 'string'] }, ownerId: { type: ['string', 'null'] },
        },
      }),
      responses: { '200': { description: 'OK', ...json(task) }, '404': { description: 'No such task', ...json(error) }, '409': { description: 'The task is already closed', ...json(error) }, ...errors },
    },
  },
};

export const teamSchemas = {
  TaskType: { type: 'string', enum: ['intro-call', 'kickoff', 'training', 'check-in', 'qbr', 'renewal-call', 'escalation'] },
  Task: {
    type: 'object',
    properties: {
      id: { type: 'string' }, groupId: { type: 'string' }, accountName: { type: ['string', 'null'] }, templateId: { type: ['string', 'null'] }, type: { $ref: '#/components/schemas/TaskType' },
      title: { type: 'string' }, description: { type: ['string', 'null'] }, ownerId: { type: ['string', 'null'] }, ownerName: { type: ['string', 'null'] },
      status: { type: 'string', enum: ['open', 'done', 'cancelled'] }, dueAt: { type: 'integer' }, overdue: { type: 'boolean' }, outcome: { type: ['string', 'null'] },
      createdBy: { type: 'string' }, createdAt: { type: 'integer' }, closedAt: { type: ['integer', 'null'] },
    },
  },
  TeamMemberInput: {
    type: 'object',
    required: ['email', 'name', 'role'],
    properties: {
      email: { type: 'string', format: 'email' }, name: { type: 'string' }, role: { type: 'string', enum: ['csm', 'manager', 'admin'] },
      capacity: { type: 'integer', minimum: 0, description: 'Accounts the person can own' },
      territories: { type: 'array', items: { type: 'string' }, description: "Values of the account's territory, region or country trait" },
      segments: { type: 'array', items: { type: 'string' }, description: 'Segments of accounts the person covers' },
      active: { type: 'boolean', default: true },
    },
  },
};
