import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { importFile } from '../../src/engine/import/import-file.js';
import { applyDefinitions } from '../../src/engine/definitions/apply-definitions.js';
import { openTestApp, type TestApp } from '../support/app.js';
import { CDNOW_FILE, CDNOW_IMPORT, CDNOW_PUBLISHED, threeDigits } from '../support/cdnow.js';
import { testWorkspace } from '../support/context.js';
import { DATABASES, newWorkspaceId } from '../support/databases.js';
import { messages, newId } from '../support/messages.js';

interface Row {
  id: string;
  frequency: number;
  clv: number;
}

for (const database of DATABASES) {
  describe(`metrics over REST on ${database.name}`, () => {
    let t: TestApp;
    before(async () => (t = await openTestApp(database)));
    after(async () => t.close());

    test('a fit of the CDNOW orders gives the published parameters, the customers a page at a time, and each contact the same figures', async () => {
      const ws = await testWorkspace(t.context, newWorkspaceId());
      const send = async (method: string, path: string, body?: unknown) => {
        const response = await t.app.request(path, { method, headers: { ...ws.apiHeaders, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
        return { status: response.status, body: (await response.json()) as any };
      };
      assert.deepEqual((await send('GET', '/api/metrics/lifetime-value')).body, { fit: null });
      await importFile(t.context, ws.workspaceId, { path: CDNOW_FILE, ...CDNOW_IMPORT, columns: [...CDNOW_IMPORT.columns] });

      const bad = await send('POST', '/api/metrics/lifetime-value', { horizonWeeks: -1, margin: 2, calibrationEnd: 'soon', extra: 1 });
      assert.equal(bad.status, 400);
      assert.deepEqual(bad.body.error.issues.map((i: { path: string }) => i.path).sort(), ['(body)', 'calibrationEnd', 'horizonWeeks', 'margin']);
      assert.deepEqual((await send('GET', '/api/metrics/lifetime-value')).body, { fit: null }, 'a refused fit stores nothing');

      const fitted = await send('POST', '/api/metrics/lifetime-value', { calibrationEnd: '1997-09-30', horizonWeeks: 39 });
      assert.equal(fitted.status, 201);
      const { bgNbd, gammaGamma, calibrationEnd, customersFitted } = fitted.body.fit;
      assert.deepEqual([bgNbd.r, bgNbd.alpha, bgNbd.a, bgNbd.b, gammaGamma.p, gammaGamma.q, gammaGamma.gamma].map(threeDigits), Object.values(CDNOW_PUBLISHED));
      assert.deepEqual([calibrationEnd, customersFitted], ['1997-09-30', 2357]);
      assert.deepEqual((await send('GET', '/api/metrics/lifetime-value')).body, fitted.body);

      const page = await send('GET', '/api/metrics/lifetime-value/customers?limit=3');
      assert.deepEqual([page.body.total, page.body.items.length], [2357, 3]);
      assert.ok(page.body.items[0].clv >= page.body.items[1].clv && page.body.items[1].clv >= page.body.items[2].clv, 'highest value first');
      const all = (await send('GET', '/api/metrics/lifetime-value/customers?limit=10000&sort=frequency&order=asc')).body.items as Row[];
      assert.equal(all[0]!.frequency, 0);
      const row = all.find((r) => r.id === '0001')!;

      const contact = await send('GET', '/api/contacts/0001/lifetime-value');
      assert.deepEqual(contact.body, { fit: fitted.body.fit, customer: row });
      assert.equal((await send('GET', '/api/contacts/nobody/lifetime-value')).status, 404);
      assert.equal((await send('GET', '/api/metrics/lifetime-value/customers?sort=name')).status, 400);
    });

    test('NPS, conversion and reviews per month and weekly sign-up retention, for a range or the last periods, with the audience filters', async () => {
      const ws = await testWorkspace(t.context, newWorkspaceId());
      const get = async (path: string) => {
        const response = await t.app.request(path, { headers: ws.apiHeaders });
        return { status: response.status, body: (await response.json()) as any };
      };
      const at = (month: number, day: number) => new Date(Date.UTC(2026, month - 1, day, 9)).toISOString();
      const nps = (userId: string, score: number, month: number) => ({ type: 'track', userId, event: 'NPS Submitted', properties: { score }, timestamp: at(month, 10) });
      await t.store.writeMessages(ws.workspaceId, messages([
        nps('ann', 10, 1), nps('bob', 3, 1), nps('cy', 8, 1), nps('ann', 9, 2),
        { type: 'track', userId: 'ann', event: 'Signed Up', timestamp: at(1, 5) },
        { type: 'track', userId: 'bob', event: 'Signed Up', timestamp: at(1, 6) },
        { type: 'track', userId: 'ann', event: 'Feature Used', timestamp: at(1, 13) },
        { type: 'page', userId: 'ann', name: 'Pricing', timestamp: at(1, 4) },
        { type: 'page', userId: 'cy', name: 'Pricing', timestamp: at(1, 4) },
        { type: 'track', userId: 'cy', event: 'Review Submitted', properties: { rating: 5, site: 'G2' }, timestamp: at(1, 20) },
        { type: 'track', userId: 'bob', event: 'Review Submitted', properties: { rating: 2, site: 'Capterra' }, timestamp: at(2, 20) },
      ]), newId);

      const converted = await get('/api/metrics/conversion?from=2026-01-01&to=2026-02-01');
      assert.equal(converted.status, 200, JSON.stringify(converted.body));
      assert.deepEqual([converted.body.visitors, converted.body.conversions, converted.body.rate], [2, 1, 50]);
      const reviewed = await get('/api/metrics/reviews?from=2026-01-01&to=2026-03-01');
      assert.deepEqual([reviewed.body.reviews, reviewed.body.averageRating, reviewed.body.positiveShare], [2, 3.5, 0.5]);
      assert.deepEqual(reviewed.body.sources.map((s: { source: string; reviews: number }) => [s.source, s.reviews]), [['Capterra', 1], ['G2', 1]]);
      assert.deepEqual(reviewed.body.periods.map((p: { reviews: number }) => p.reviews), [1, 1]);

      await t.store.writeMessages(ws.workspaceId, messages([
        { type: 'group', userId: 'ann', groupId: 'acme', traits: { mrr: 100 }, timestamp: at(1, 2) },
        { type: 'group', userId: 'bob', groupId: 'bolt', traits: { mrr: 300 }, timestamp: at(1, 2) },
        { type: 'group', userId: 'ann', groupId: 'acme', traits: { mrr: 150 }, timestamp: at(2, 2) },
        { type: 'group', userId: 'bob', groupId: 'bolt', traits: { mrr: 0 }, timestamp: at(2, 3) },
        { type: 'track', userId: 'ann', event: 'Onboarding Completed', timestamp: at(1, 8) },
      ]), newId);
      const money = await get('/api/metrics/revenue?from=2026-02-01&to=2026-03-01&margin=0.5');
      assert.deepEqual([money.body.total.startingMrr, money.body.total.churnedMrr, money.body.total.expansionMrr, money.body.total.netRevenueRetention], [400, 300, 50, 150 / 400]);
      assert.deepEqual([money.body.historical.averageRevenuePerAccount, money.body.historical.monthlyChurnRate, money.body.historical.lifetimeValue], [150, 0.5, 150]);
      assert.equal((await get('/api/metrics/revenue?margin=2')).status, 400);
      await t.store.writeMessages(ws.workspaceId, messages([
        { type: 'identify', userId: 'bob', traits: { heardAboutUs: 'Podcast' }, timestamp: at(1, 6) },
        { type: 'track', userId: 'ann', event: 'Referral Accepted', timestamp: at(1, 5) },
        { type: 'track', userId: 'ann', event: 'Referral Sent', timestamp: at(1, 27) },
      ]), newId);
      const referred = await get('/api/metrics/referrals?from=2026-01-01&to=2026-02-01');
      assert.deepEqual([referred.body.newCustomers, referred.body.referralsSent, referred.body.referralsAccepted], [2, 1, 1]);
      assert.deepEqual(referred.body.sources.map((s: { source: string; share: number }) => [s.source, s.share]), [['podcast', 0.5], ['referral', 0.5]]);
      const ttv = await get('/api/metrics/time-to-value?from=2026-01-01&to=2026-02-01');
      assert.deepEqual([ttv.body.signedUp, ttv.body.activated, ttv.body.medianMs], [2, 1, 3 * 86_400_000]);

      const scores = await get('/api/metrics/surveys/nps?from=2026-01-01&to=2026-03-01&interval=month');
      assert.equal(scores.status, 200);
      assert.equal(scores.body.score, 25, '2 promoters and 1 detractor of 4');
      assert.deepEqual(scores.body.periods.map((p: { score: number; responses: number }) => [p.responses, p.score]), [[3, 0], [1, 100]]);
      assert.equal((await get('/api/metrics/surveys/nps?from=2026-01-01&to=2026-03-01&segment=nobody')).body.tally.responses, 0);

      const table = await get('/api/metrics/retention?from=2026-01-05&to=2026-01-26&interval=week');
      assert.deepEqual(table.body.cohorts.map((c: { size: number; active: number[]; rates: number[] }) => [c.size, c.active, c.rates]), [[2, [2, 1, 0], [1, 0.5, 0]], [0, [0, 0], [null, null]], [0, [0], [null]]]);
      assert.equal((await get('/api/metrics/retention?periods=12')).body.cohorts.length, 12, 'the last 12 weeks by default');

      assert.equal((await get('/api/metrics/surveys/happiness')).status, 400);
      const bad = await get('/api/metrics/retention?from=2026-02-01&to=2026-01-01&interval=fortnight');
      assert.deepEqual(bad.body.error.issues.map((i: { path: string }) => i.path), ['interval']);
      assert.deepEqual((await get('/api/metrics/retention?from=2016-01-01&to=2026-01-01&interval=day')).body.error.issues.map((i: { path: string }) => i.path), ['from']);
    });

    test('framework funnels and each contact’s and account’s stages, shipped frameworks by default', async () => {
      const ws = await testWorkspace(t.context, newWorkspaceId());
      const get = async (path: string) => {
        const response = await t.app.request(path, { headers: ws.apiHeaders });
        return { status: response.status, body: (await response.json()) as any };
      };
      const at = (day: number) => new Date(Date.UTC(2026, 2, day, 9)).toISOString();
      const acme = { groupId: 'acme' };
      await t.store.writeMessages(ws.workspaceId, messages([
        { type: 'group', userId: 'ann', groupId: 'acme', traits: { name: 'Acme' }, timestamp: at(1) },
        { type: 'track', userId: 'ann', event: 'Signed Up', context: acme, timestamp: at(2) },
        { type: 'track', userId: 'ann', event: 'Onboarding Completed', context: acme, timestamp: at(4) },
        { type: 'track', userId: 'ann', event: 'Signed In', timestamp: at(9) },
        { type: 'track', userId: 'bob', event: 'Signed Up', timestamp: at(3) },
        { type: 'track', userId: 'ann', event: 'Subscription Started', context: acme, timestamp: at(10) },
      ]), newId);
      const frameworks = (await get('/api/frameworks')).body.items.map((f: { id: string }) => f.id);
      assert.deepEqual(frameworks, ['aarrr', 'laer', 'mckinsey-cdj', 'aidae']);
      const aarrr = await get('/api/frameworks/aarrr/funnel?from=2026-03-01&to=2026-04-01');
      assert.equal(aarrr.status, 200);
      assert.equal(aarrr.body.entered, 2);
      assert.deepEqual(aarrr.body.stages.map((s: { reached: number }) => s.reached), [2, 1, 1, 0, 0]);
      assert.equal(aarrr.body.stages[0].medianTimeInStageMs, 2 * 86_400_000);
      assert.equal((await get('/api/frameworks/nope/funnel')).status, 404);
      const map = (await get('/api/frameworks/aarrr/journey-map?from=2026-03-01&to=2026-04-01')).body;
      assert.deepEqual(map.stages.map((s: { stage: string; volume: number }) => [s.stage, s.volume]), [['acquisition', 2], ['activation', 1], ['retention', 2], ['referral', 0], ['revenue', 0]]);
      assert.deepEqual(map.touchpoints[0], { stage: 'acquisition', channel: 'in_app', category: 'lifecycle', volume: 2, subjects: 2, rated: 0, emotion: null });
      assert.deepEqual(map.painPoints.map((p: { stage: string }) => p.stage), ['referral']);
      const ann = (await get('/api/contacts/ann/stages')).body.items;
      assert.deepEqual(ann.find((f: { framework: { id: string } }) => f.framework.id === 'aarrr').current, { stage: 'retention', since: Date.parse(at(9)) });
      const account = (await get('/api/accounts/acme/stages')).body.items;
      assert.deepEqual(account.map((f: { framework: { id: string }; current: { stage: string } | null }) => [f.framework.id, f.current?.stage]), [['laer', 'land']]);

      // Engagement over the 30 days before the clock: the account's events, scored by type.
      t.clock.set(Date.UTC(2026, 2, 20));
      const engagement = await get('/api/accounts/acme/engagement');
      assert.equal(engagement.status, 200);
      assert.deepEqual(engagement.body.score.types.map((s: { type: string; score: number }) => [s.type, s.score]), [['emotional', 0], ['contextual', 5.5], ['convenience', 0], ['social', 0]]);
      assert.match(engagement.body.score.explanation, /^score 5.5 over the last 30 days: 5.5 contextual \(1 × purchases, 1 × lifecycle steps\)$/);
      assert.equal(engagement.body.score.trend, 5.5, 'nothing in the 30 days before');
      const list = await get('/api/scores/engagement?subject=contact&typology=cebt');
      assert.deepEqual(list.body.items.map((i: { name: string; total: number }) => [i.name, i.total]), [['ann', 11], ['bob', 2]]);
      assert.equal((await get('/api/scores/engagement?typology=nope')).status, 404);

      // Health: 1 product use of 40 (2.5), engagement 5.5, no tickets (100); no feedback or renewal date.
      const health = await get('/api/accounts/acme/health');
      assert.deepEqual(health.body.health.measures, { usage: 2.5, engagement: 5.5, support: 100, feedback: null, renewal: null });
      assert.equal(health.body.health.score, (2.5 * 30 + 5.5 * 20 + 100 * 15) / 65);
      assert.equal(health.body.health.grade, 'F');
      const all = await get('/api/scores/health');
      assert.deepEqual(all.body.items.map((i: { groupId: string; name: string; grade: string }) => [i.groupId, i.name, i.grade]), [['acme', 'Acme', 'F']]);
      assert.deepEqual((await get('/api/scores/health?model=high-touch')).body.items, [], 'acme has no engagement model here');
      assert.equal((await get('/api/scores/engagement?model=high-touch')).body.total, 0);
      assert.equal((await get('/api/scores/engagement?subject=contact&segment=x')).status, 400);
    });

    test('goals: this period’s value against the target, off track when behind, the shipped goals until the workspace has its own', async () => {
      const ws = await testWorkspace(t.context, newWorkspaceId());
      const get = async (path: string) => (await t.app.request(path, { headers: ws.apiHeaders })).json() as Promise<any>;
      t.clock.set(Date.UTC(2026, 4, 16));
      assert.deepEqual((await get('/api/goals')).items.map((g: { goal: { id: string }; status: string }) => [g.goal.id, g.status]), [
        ['nps-this-quarter', 'no-data'],
        ['trial-conversion', 'no-data'],
        ['net-revenue-retention', 'no-data'],
        ['logo-churn', 'no-data'],
        ['new-customers', 'off-track'],
      ]);
      const yaml = [
        'kind: Goal\nspec: { id: nps, name: NPS 40 this quarter, metric: nps, period: quarter, target: 40, benchmark: 30 }',
        'kind: Goal\nspec: { id: signups, name: 4 sign-ups this month, metric: new-customers, period: month, target: 4 }',
      ].join('\n---\n');
      const applied = await applyDefinitions(t.context, ws.workspaceId, [{ name: 'goals.yaml', text: yaml }], 'test');
      assert.ok(applied.ok, JSON.stringify(applied));
      const at = (day: number) => new Date(Date.UTC(2026, 4, day, 9)).toISOString();
      await t.store.writeMessages(ws.workspaceId, messages([
        { type: 'track', userId: 'ann', event: 'NPS Submitted', properties: { score: 10 }, timestamp: at(2) },
        { type: 'track', userId: 'bob', event: 'NPS Submitted', properties: { score: 9 }, timestamp: at(3) },
        { type: 'track', userId: 'cy', event: 'NPS Submitted', properties: { score: 4 }, timestamp: at(4) },
        { type: 'track', userId: 'ann', event: 'Signed Up', timestamp: at(5) },
      ]), newId);
      const goals = (await get('/api/goals')).items;
      const nps = goals.find((g: { goal: { id: string } }) => g.goal.id === 'nps');
      assert.deepEqual([nps.value, nps.status, nps.goal.benchmark, nps.start], [100 / 3, 'off-track', 30, Date.UTC(2026, 3, 1)]);
      const signups = goals.find((g: { goal: { id: string } }) => g.goal.id === 'signups');
      assert.deepEqual([signups.value, signups.expected, signups.status], [1, 4 * (15 / 31), 'off-track']);
    });
  });
}
