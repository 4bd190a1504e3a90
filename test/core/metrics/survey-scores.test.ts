import assert from 'node:assert/strict';
import { test } from 'node:test';
import { surveyKindOf, surveySeries, tallySurveyEvents, type SurveyEvent } from '../../../src/core/metrics/survey-scores.js';

const day = (d: number) => Date.UTC(2026, 0, d, 12);
const response = (name: string | null, survey: unknown, rating: number | null, d = 5): SurveyEvent => ({ name, survey, rating, at: day(d) });
const JANUARY = [Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 12), Date.UTC(2026, 1, 1)];

test('NPS is % promoters (9–10) minus % detractors (0–6): 5 promoters, 2 passives and 3 detractors of 10 give 20', () => {
  const scores = [9, 10, 10, 9, 8, 7, 6, 3, 0, 10];
  const events = [...scores.map((s, i) => response(i % 2 ? 'NPS Submitted' : 'Survey Responded', 'nps', s)), response('NPS Submitted', null, 11), response('Survey Responded', 'CSAT', 10)];
  const series = surveySeries('nps', tallySurveyEvents(events, 'nps', JANUARY), JANUARY);
  assert.deepEqual(series.tally, { responses: 10, positive: 5, negative: 3, sum: 72 });
  assert.equal(series.score, 20, 'a score of 11 is off the scale; a CSAT answer is not an NPS one');
});

test('CSAT is the % of answers of 4 or 5 on 1–5: 3 of 5 give 60; CES is the average on 1–7: 2, 3, 7, 4 give 4', () => {
  const csat = [5, 4, 3, 5, 2].map((s) => response('Survey Responded', ' CSAT ', s));
  assert.equal(surveySeries('csat', tallySurveyEvents([...csat, response('Survey Responded', 'csat', 0)], 'csat', JANUARY), JANUARY).score, 60);
  const ces = [2, 3, 7, 4].map((s) => response('Survey Responded', 'Ces', s));
  assert.equal(surveySeries('ces', tallySurveyEvents([...ces, response('Survey Responded', 'ces', 8)], 'ces', JANUARY), JANUARY).score, 4);
});

test('responses count in their period; a period without any has no score', () => {
  const events = [response('NPS Submitted', null, 10, 3), response('NPS Submitted', null, 0, 4), response('NPS Submitted', null, 10, 20), response('NPS Submitted', null, 10, 40)];
  const series = surveySeries('nps', tallySurveyEvents(events, 'nps', JANUARY), JANUARY);
  assert.deepEqual(series.periods.map((p) => [p.start, p.responses, p.score]), [[JANUARY[0], 2, 0], [JANUARY[1], 1, 100]]);
  assert.equal(series.score, 100 / 3, 'the response of 9 February is outside the range');
  assert.equal(surveySeries('ces', tallySurveyEvents(events, 'ces', JANUARY), JANUARY).score, null);
});

test('the kind of a survey comes from the event and its survey property', () => {
  assert.equal(surveyKindOf('NPS Submitted', undefined), 'nps');
  assert.equal(surveyKindOf('Survey Responded', 'NPS'), 'nps');
  assert.equal(surveyKindOf('Survey Responded', 'onboarding'), null);
  assert.equal(surveyKindOf('Survey Responded', 3), null);
  assert.equal(surveyKindOf('Review Submitted', 'csat'), null);
});
