import assert from 'node:assert/strict';
import { test } from 'node:test';
import { acquisitionSource, referralReport } from '../../../src/core/metrics/referrals.js';

const MONTHS = [Date.UTC(2026, 0, 1), Date.UTC(2026, 1, 1)];
const customer = (contactId: string, referred: boolean, traits: Record<string, unknown>, surveyAnswer: string | null = null) => ({ contactId, at: Date.UTC(2026, 0, 10), referred, traits, surveyAnswer });

test('a new customer’s source: a referral they accepted, else their own answer (trait, then survey), else unknown', () => {
  const customers = [
    customer('a', true, { heardAboutUs: 'Google' }),
    customer('b', false, { heardAboutUs: ' Google ' }),
    customer('c', false, { source: 'google' }),
    customer('d', false, {}, 'A friend'),
    customer('e', false, { heardAboutUs: '' }),
  ];
  assert.deepEqual(customers.map(acquisitionSource), ['referral', 'google', 'google', 'a friend', 'unknown']);
  const report = referralReport(customers, { sent: [4], accepted: [1] }, MONTHS);
  assert.deepEqual(report.sources, [
    { source: 'google', count: 2, share: 0.4 },
    { source: 'a friend', count: 1, share: 0.2 },
    { source: 'referral', count: 1, share: 0.2 },
    { source: 'unknown', count: 1, share: 0.2 },
  ]);
  assert.deepEqual([report.newCustomers, report.referralsSent, report.referralsAccepted], [5, 4, 1]);
});
