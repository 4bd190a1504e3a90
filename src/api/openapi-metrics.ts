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

const rangeParams = (interval: string) => [
  { name: 'interval', in: 'query', schema: { type: 'string', enum: ['day', 'week', 'month', 'quarter'], default: interval }, description: 'UTC periods; weeks start on Monday' },
  { name: 'from', in: 'query', schema: { type: 'string', format: 'date' }, description: 'Start (its period counts whole); with `to`' },
  { name: 'to', in: 'query', schema: { type: 'string', format: 'date' }, description: 'End, exclusive; the end of the current period by default' },
  { name: 'periods', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 260, default: 12 }, description: 'Without `from`: this many periods up to `to`' },
  { name: 'segment', in: 'query', schema: { type: 'string' }, description: 'Only contacts in this segment, or in accounts in it' },
  { name: 'model', in: 'query', schema: { type: 'string' }, description: 'Only contacts of accounts with this engagement model' },
];

const audienceParams = [
  { name: 'segment', in: 'query', schema: { type: 'string' }, description: 'Only the accounts in this segment of accounts' },
  { name: 'model', in: 'query', schema: { type: 'string' }, description: 'Only the accounts with this engagement model' },
];

const tally = { responses: { type: 'integer' }, positive: { type: 'integer', description: 'promoters (NPS) or satisfied (CSAT)' }, negative: { type: 'integer', description: 'detractors (NPS)' }, sum: { type: 'number' } };

const stagesResponse = {
  '200': { description: 'Per framework of the subject kind: the current stage and since when, each stage with its reachedAt (null before), loopedAt' },
  '404': { description: 'No such subject', ...json(error) },
  ...errors,
};

export const metricPaths = {
  '/api/frameworks': { get: { tags: ['metrics'], summary: 'The stage frameworks in force (AARRR, LAER, McKinsey decision journey, AIDAE, or the workspace’s own Framework definitions)', responses: { '200': { description: 'items' }, ...errors } } },
  '/api/frameworks/{id}/funnel': {
    get: {
      tags: ['metrics'],
      summary: 'A framework’s funnel for the subjects who entered its first stage in the range: reached, conversion, drop-off, current and median time in stage per stage, the loop, and the same per entry cohort',
      parameters: [pathParam('id'), ...rangeParams('month')],
      responses: { '200': { description: 'framework, entered, stages, loop, cohorts' }, '404': { description: 'No such framework', ...json(error) }, ...errors },
    },
  },
  '/api/goals': {
    get: {
      tags: ['metrics'],
      summary: 'Each goal in force (Goal definitions, or the shipped ones) with its value this period and last, target, benchmark, progress and status: met, on-track, off-track or no-data',
      responses: { '200': { description: 'items' }, ...errors },
    },
  },
  '/api/scores/engagement': {
    get: {
      tags: ['metrics'],
      summary: 'Engagement scores of every account (or contact) over the scoring window, by type, explained, with the trend against the window before; highest first',
      parameters: [
        { name: 'subject', in: 'query', schema: { type: 'string', enum: ['account', 'contact'], default: 'account' } },
        { name: 'typology', in: 'query', schema: { type: 'string' }, description: 'ecs (emotional, contextual, convenience, social) or cebt (cognitive, emotional, behavioral, transactional), or your own' },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 50 } },
        { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
        ...audienceParams,
      ],
      responses: { '200': { description: 'typology, windowDays, items (subjectId, name, total, previousTotal, trend, types, explanation), total' }, ...errors },
    },
  },
  '/api/scores/health': {
    get: {
      tags: ['metrics'],
      summary: 'Every account’s health (usage, engagement, support load, feedback, renewal), graded A to F with its trend; lowest first',
      parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 50 } }, { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } }, ...audienceParams],
      responses: { '200': { description: 'scoring, items (groupId, name, score, grade, measures, inputs, previousScore, trend), total' }, ...errors },
    },
  },
  '/api/accounts/{groupId}/health': {
    get: { tags: ['accounts'], summary: 'The account’s health by measure, graded', parameters: [pathParam('groupId')], responses: { '200': { description: 'scoring, health (null without data)' }, '404': { description: 'No such account', ...json(error) }, ...errors } },
  },
  '/api/accounts/{groupId}/engagement': {
    get: { tags: ['accounts'], summary: 'The account’s engagement score by type, explained', parameters: [pathParam('groupId'), { name: 'typology', in: 'query', schema: { type: 'string' } }], responses: { '200': { description: 'typology, windowDays, score (null without interactions)' }, '404': { description: 'No such account or typology', ...json(error) }, ...errors } },
  },
  '/api/frameworks/{id}/journey-map': {
    get: {
      tags: ['metrics'],
      summary: 'A framework’s journey map: stages × touchpoints (channel and kind of interaction) with volume, subjects and emotion, each stage’s drop-off and emotion, and the pain points',
      parameters: [pathParam('id'), ...rangeParams('month')],
      responses: { '200': { description: 'framework, entered, stages, touchpoints, painPoints' }, '404': { description: 'No such framework', ...json(error) }, ...errors },
    },
  },
  '/api/contacts/{userId}/stages': { get: { tags: ['contacts'], summary: 'The contact’s stage in each contact framework', parameters: [pathParam('userId')], responses: stagesResponse } },
  '/api/accounts/{groupId}/stages': { get: { tags: ['accounts'], summary: 'The account’s stage in each account framework', parameters: [pathParam('groupId')], responses: stagesResponse } },
  '/api/metrics/surveys/{kind}': {
    get: {
      tags: ['metrics'],
      summary: 'NPS, CSAT or CES over a range and per period',
      parameters: [{ name: 'kind', in: 'path', required: true, schema: { type: 'string', enum: ['nps', 'csat', 'ces'] } }, ...rangeParams('month')],
      responses: {
        '200': { description: 'OK', ...json({ type: 'object', properties: { kind: { type: 'string' }, interval: { type: 'string' }, score: { type: ['number', 'null'] }, tally: { type: 'object', properties: tally }, periods: { type: 'array', items: { type: 'object', properties: { start: { type: 'integer' }, end: { type: 'integer' }, score: { type: ['number', 'null'] }, ...tally } } } } }) },
        ...errors,
      },
    },
  },
  '/api/metrics/conversion': {
    get: {
      tags: ['metrics'],
      summary: 'Conversion rate: of the contacts who visited in a period, the % who converted in it',
      parameters: [
        { name: 'conversionEvent', in: 'query', schema: { type: 'string', default: 'Signed Up' } },
        { name: 'visitEvent', in: 'query', schema: { type: 'string' }, description: 'A track event that is a visit; page calls by default' },
        ...rangeParams('month'),
      ],
      responses: { '200': { description: 'visitors, conversions and rate over the range and per period' }, ...errors },
    },
  },
  '/api/metrics/reviews': {
    get: {
      tags: ['metrics'],
      summary: 'Reviews (1–5 stars): count, average rating and share positive (4+), per period and source',
      parameters: rangeParams('month'),
      responses: { '200': { description: 'reviews, averageRating, positiveShare; periods; sources' }, ...errors },
    },
  },
  '/api/metrics/revenue': {
    get: {
      tags: ['metrics'],
      summary: 'Logo and revenue churn, expansion and contraction, gross and net revenue retention per period and over the range, and historical lifetime value',
      parameters: [{ name: 'margin', in: 'query', schema: { type: 'number', minimum: 0, maximum: 1, default: 1 }, description: 'Gross margin for the historical lifetime value' }, ...rangeParams('month')],
      responses: { '200': { description: 'total, periods and historical' }, ...errors },
    },
  },
  '/api/metrics/time-to-value': {
    get: {
      tags: ['metrics'],
      summary: 'Time from sign-up to the activation milestone, per sign-up cohort period',
      parameters: [
        { name: 'signupEvent', in: 'query', schema: { type: 'string', default: 'Signed Up' } },
        { name: 'activationEvent', in: 'query', schema: { type: 'string', default: 'Onboarding Completed' } },
        ...rangeParams('month'),
      ],
      responses: { '200': { description: 'signedUp, activated, activationRate, medianMs, meanMs; and per period' }, ...errors },
    },
  },
  '/api/metrics/referrals': {
    get: {
      tags: ['metrics'],
      summary: 'New customers by acquisition source (referral, their answer to "how did you hear about us", unknown) with shares, and referral events, per period',
      parameters: [{ name: 'cohortEvent', in: 'query', schema: { type: 'string', default: 'Signed Up' }, description: 'The first occurrence makes a new customer' }, ...rangeParams('month')],
      responses: { '200': { description: 'newCustomers, referralsSent, referralsAccepted, sources; and per period' }, ...errors },
    },
  },
  '/api/metrics/retention': {
    get: {
      tags: ['metrics'],
      summary: 'Cohort retention: contacts by the period of their first cohort event, and how many were active in each period since',
      parameters: [
        { name: 'cohort', in: 'query', schema: { type: 'string', enum: ['signup', 'first-purchase'], default: 'signup' }, description: 'Signed Up or Order Completed' },
        { name: 'cohortEvent', in: 'query', schema: { type: 'string' }, description: 'Another event that places contacts in cohorts' },
        { name: 'activityEvent', in: 'query', schema: { type: 'string' }, description: 'The event that counts as active; any inbound interaction by default' },
        ...rangeParams('week'),
      ],
      responses: {
        '200': { description: 'OK', ...json({ type: 'object', properties: { interval: { type: 'string' }, cohortEvent: { type: 'string' }, activityEvent: { type: ['string', 'null'] }, from: { type: 'integer' }, to: { type: 'integer' }, cohorts: { type: 'array', items: { type: 'object', properties: { start: { type: 'integer' }, size: { type: 'integer' }, active: { type: 'array', items: { type: 'integer' } }, rates: { type: 'array', items: { type: ['number', 'null'] } } } } } } }) },
        ...errors,
      },
    },
  },
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
