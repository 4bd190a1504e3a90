import { MAX_HORIZON_WEEKS } from '../core/clv/lifetime-value-input.js';
import { error, errors, json, pathParam } from './openapi-parts.js';

/** OpenAPI paths and schemas of `/api/metrics` and a contact's lifetime value. */

const fit = {
  type: ['object', 'null'],
  description: "The workspace's latest fit of BG/NBD (purchases) and Gamma-Gamma (purchase value); null before the first",
  properties: {
    purchaseEvent: { type: 'string' },
    calibrationEnd: { type: 'string', format: 'date' },
    horizonWeeks: { type: 'number' },
    annualDiscountRate: { type: 'number' },
    margin: { type: 'number' },
    fittedAt: { type: 'string', format: 'date-time' },
    customersFitted: { type: 'integer' },
    repeatCustomers: { type: 'integer' },
    bgNbd: { type: 'object', properties: { r: { type: 'number' }, alpha: { type: 'number' }, a: { type: 'number' }, b: { type: 'number' }, logLikelihood: { type: 'number' } } },
    gammaGamma: { type: 'object', properties: { p: { type: 'number' }, q: { type: 'number' }, gamma: { type: 'number' }, logLikelihood: { type: 'number' } } },
  },
};

export const lifetimeValueRow = {
  type: 'object',
  properties: {
    id: { type: 'string', description: "The contact's userId (its contact id when it has none)" },
    contactId: { type: 'string' },
    frequency: { type: 'integer', description: 'x: repeat purchase days in calibration' },
    recency: { type: 'number', description: 't_x: weeks from the first purchase to the last' },
    T: { type: 'number', description: 'weeks from the first purchase to the end of calibration' },
    probabilityAlive: { type: 'number' },
    expectedPurchases: { type: 'number', description: 'over the horizon' },
    expectedAverageValue: { type: 'number' },
    clv: { type: 'number', description: 'discounted margin of the expected purchases over the horizon' },
  },
};

const settings = {
  type: 'object',
  additionalProperties: false,
  properties: {
    purchaseEvent: { type: 'string', default: 'Order Completed' },
    calibrationEnd: { type: 'string', format: 'date', description: 'Last day (UTC) of purchases to fit on; today when absent' },
    horizonWeeks: { type: 'number', exclusiveMinimum: 0, maximum: MAX_HORIZON_WEEKS, default: 52 },
    annualDiscountRate: { type: 'number', minimum: 0, maximum: 10, default: 0 },
    margin: { type: 'number', minimum: 0, maximum: 1, default: 1 },
  },
};

export const metricPaths = {
  '/api/metrics/lifetime-value': {
    get: { tags: ['metrics'], summary: 'The latest lifetime-value fit', responses: { '200': { description: 'OK', ...json({ type: 'object', properties: { fit } }) }, ...errors } },
    post: {
      tags: ['metrics'],
      summary: "Fit the lifetime-value models on purchases through a calibration end; the fit becomes the workspace's latest",
      requestBody: { required: false, content: { 'application/json': { schema: settings } } },
      responses: { '201': { description: 'Fitted', ...json({ type: 'object', properties: { fit } }) }, ...errors, '400': { description: 'Bad settings, or no (repeat) purchases to fit on', ...json(error) } },
    },
  },
  '/api/metrics/lifetime-value/customers': {
    get: {
      tags: ['metrics'],
      summary: 'Every customer under the latest fit, sorted, a page at a time',
      parameters: [
        { name: 'sort', in: 'query', schema: { type: 'string', enum: ['clv', 'probabilityAlive', 'expectedPurchases', 'expectedAverageValue', 'frequency', 'recency', 'T'], default: 'clv' } },
        { name: 'order', in: 'query', schema: { type: 'string', enum: ['asc', 'desc'], default: 'desc' } },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 10000, default: 50 } },
        { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
      ],
      responses: { '200': { description: 'OK', ...json({ type: 'object', properties: { fit, items: { type: 'array', items: lifetimeValueRow }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } } }) }, ...errors },
    },
  },
  '/api/contacts/{userId}/lifetime-value': {
    get: {
      tags: ['contacts'],
      summary: "The contact's figures under the latest fit (customer is null when they bought nothing in calibration)",
      parameters: [pathParam('userId')],
      responses: { '200': { description: 'OK', ...json({ type: 'object', properties: { fit, customer: { oneOf: [lifetimeValueRow, { type: 'null' }] } } }) }, '404': { description: 'No such contact', ...json(error) }, ...errors },
    },
  },
};
