import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seededRandom } from '../../src/core/demo/random.js';
import { periodBoundaries, type Interval } from '../../src/core/metrics/periods.js';
import { COHORT_EVENTS, retentionTable } from '../../src/core/metrics/retention.js';
import { SURVEY_KINDS, tallySurveyEvents } from '../../src/core/metrics/survey-scores.js';
import { countConversions } from '../../src/core/metrics/conversion.js';
import { countReviews } from '../../src/core/metrics/reviews.js';
import { revenueRetention } from '../../src/core/metrics/revenue-retention.js';
import { ATTRIBUTION_SURVEYS, referralReport } from '../../src/core/metrics/referrals.js';
import { parseFramework, type Framework } from '../../src/core/frameworks/framework-definition.js';
import { loopTime, stageTimes } from '../../src/core/frameworks/funnel.js';
import { mapCells } from '../../src/core/frameworks/journey-map.js';
import { compareCounts } from '../../src/store/metrics/interaction-counts.js';
import type { InteractionCount } from '../../src/core/scores/engagement-scoring.js';
import type { Store } from '../../src/store/store.js';
import { DATABASES, newWorkspaceId, openTestStore } from '../support/databases.js';
import { messages, newId } from '../support/messages.js';

const FROM = Date.UTC(2026, 0, 7);
const TO = Date.UTC(2026, 3, 20);
const EVENTS = ['Signed Up', 'Order Completed', 'Feature Used', 'Email Sent', 'NPS Submitted', 'Survey Responded', 'Survey Responded', 'Review Submitted', 'Product Reviewed', 'Onboarding Completed', 'Referral Sent', 'Referral Accepted'];
const SITES = ['G2', ' Capterra ', '', 'g2', 5, undefined];
const SURVEYS = ['NPS', 'nps', ' CSAT', 'ces', 'Onboarding', 7, undefined, ' Attribution', 'how did you hear about us'];
const ANSWERS = ['Google', 'a friend', ' podcast ', 3];

/** Random contacts' events over four months and a little beyond, every field that matters varied. */
function randomMessages(seed: number): object[] {
  const random = seededRandom(seed);
  return Array.from({ length: 1200 }, () => {
    const userId = `u${random.int(0, 39)}`;
    const timestamp = new Date(FROM - 20 * 86_400_000 + Math.floor(random.next() * (TO - FROM + 40 * 86_400_000))).toISOString();
    if (random.chance(0.1)) return { type: 'page', userId, name: 'Pricing', timestamp };
    if (random.chance(0.05)) return { type: 'identify', userId, traits: random.chance(0.5) ? { heardAboutUs: random.pick(['LinkedIn', ' ', 'Google']) } : { source: 'Ads' }, timestamp };
    if (random.chance(0.2)) return { type: 'group', userId, groupId: `g${random.int(0, 9)}`, traits: { mrr: random.pick([0, 50, 100, 250, '300', undefined]) }, timestamp };
    const event = random.pick(EVENTS);
    const score = random.chance(0.1) ? undefined : random.int(-1, 11);
    const rating = { [random.chance(0.5) ? 'rating' : 'score']: score };
    const properties = event.startsWith('Survey') || event.startsWith('NPS')
      ? { survey: random.pick(SURVEYS), ...rating, ...(random.chance(0.7) ? { answer: random.pick(ANSWERS) } : {}) }
      : event.includes('Review')
        ? { ...rating, [random.chance(0.7) ? 'site' : 'source']: random.pick(SITES), ...(random.chance(0.2) ? { source: 'Trustpilot' } : {}) }
        : event === 'Order Completed' ? { revenue: random.int(1, 100) } : {};
    return { type: 'track', userId, event, properties, timestamp, ...(random.chance(0.5) ? { context: { groupId: `g${random.int(0, 9)}` } } : {}) };
  });
}

for (const database of DATABASES) {
  describe(`metrics in SQL equal their reference on random data (${database.name})`, () => {
    let store: Store;
    const ws = newWorkspaceId();
    let stored: { id: number; sentiment: number | null; category: string | null; channel: string | null; groupId: string | null; traits: Record<string, unknown>; contactId: string; name: string | null; type: string; direction: string | null; survey: unknown; properties: Record<string, unknown>; rating: number | null; at: number }[];
    before(async () => {
      store = await openTestStore(database);
      await store.writeMessages(ws, messages(randomMessages(7)), newId);
      const rows = await store.db.selectFrom('events').select(['id', 'sentiment', 'category', 'channel', 'group_id', 'traits', 'contact_id', 'name', 'type', 'direction', 'properties', 'rating', 'timestamp']).where('workspace_id', '=', ws).execute();
      stored = rows.map((r) => ({ id: Number(r.id), sentiment: r.sentiment, category: r.category, channel: r.channel, groupId: r.group_id, traits: store.dialect.readJson(r.traits), contactId: r.contact_id!, name: r.name, type: r.type, direction: r.direction, survey: store.dialect.readJson(r.properties)['survey'], properties: store.dialect.readJson(r.properties), rating: r.rating, at: Number(r.timestamp) }));
    });
    after(() => store.close());

    for (const interval of ['week', 'month'] as Interval[]) {
      test(`NPS, CSAT and CES tallies per ${interval}`, async () => {
        const boundaries = periodBoundaries(FROM, TO, interval);
        for (const kind of SURVEY_KINDS) {
          const expected = tallySurveyEvents(stored.map((e) => ({ ...e, name: e.type === 'track' ? e.name : null })), kind, boundaries);
          assert.ok(expected.some((t) => t.responses > 0), `the data has ${kind} responses`);
          assert.deepEqual(await store.metrics.surveyTallies(ws, kind, boundaries), expected, kind);
        }
      });

      test(`conversion rates per ${interval}: page visitors who signed up, and visitors by an event who ordered`, async () => {
        const boundaries = periodBoundaries(FROM, TO, interval);
        const signUps = countConversions(stored, { conversionEvent: 'Signed Up' }, boundaries);
        assert.ok(signUps.some((c) => c.conversions > 0 && c.conversions < c.visitors), 'some visitors convert, not all');
        assert.deepEqual(await store.metrics.conversions(ws, { conversionEvent: 'Signed Up' }, boundaries), signUps);
        const orders = { conversionEvent: 'Order Completed', visitEvent: 'Feature Used' };
        assert.deepEqual(await store.metrics.conversions(ws, orders, boundaries), countConversions(stored, orders, boundaries));
      });

      test(`reviews per ${interval} and source`, async () => {
        const boundaries = periodBoundaries(FROM, TO, interval);
        const expected = countReviews(stored, boundaries);
        assert.ok(new Set(expected.map((c) => c.source)).size >= 4, 'several sources, unknown among them');
        assert.deepEqual(await store.metrics.reviews(ws, boundaries), expected);
      });

      test(`retention by sign-up and first-purchase cohort per ${interval}, active on any inbound interaction or on purchases`, async () => {
        const boundaries = periodBoundaries(FROM, TO, interval);
        for (const cohortEvent of Object.values(COHORT_EVENTS)) {
          const births = stored.filter((e) => e.type === 'track' && e.name === cohortEvent);
          const inbound = stored.filter((e) => e.direction === 'inbound');
          const purchases = stored.filter((e) => e.type === 'track' && e.name === 'Order Completed');
          const expected = retentionTable(births, inbound, boundaries);
          assert.ok(expected.some((row) => row.active.slice(1).some((n) => n > 0)), 'some come back');
          assert.deepEqual(await store.metrics.retention(ws, boundaries, { cohortEvent, audience: {} }), expected, cohortEvent);
          assert.deepEqual(await store.metrics.retention(ws, boundaries, { cohortEvent, activityEvent: 'Order Completed', audience: {} }), retentionTable(births, purchases, boundaries), `${cohortEvent}, purchases`);
        }
      });
    }

    test('MRR changes and sign-ups with their first activation are read as stored', async () => {
      const changes = stored
        .filter((e) => e.type === 'group' && typeof e.traits['mrr'] === 'number' && e.at < TO)
        .sort((a, b) => a.at - b.at || a.id - b.id)
        .map((e) => ({ groupId: e.groupId!, at: e.at, mrr: e.traits['mrr'] as number }));
      assert.ok(changes.some((c) => c.mrr === 0) && changes.length > 10);
      const read = await store.metrics.mrrChanges(ws, TO);
      assert.deepEqual(read, changes);
      const months = periodBoundaries(FROM, TO, 'month');
      const periods = revenueRetention(read, months);
      assert.ok(periods.some((p) => p.churnedAccounts > 0) && periods.some((p) => p.expansionMrr > 0), 'the data churns and expands');

      const born = new Map<string, number>();
      for (const e of stored) if (e.type === 'track' && e.name === 'Signed Up') born.set(e.contactId, Math.min(e.at, born.get(e.contactId) ?? Infinity));
      const expected = [...born]
        .filter(([, at]) => at >= FROM && at < TO)
        .map(([contactId, signedUpAt]) => {
          const after = stored.filter((e) => e.contactId === contactId && e.type === 'track' && e.name === 'Onboarding Completed' && e.at >= signedUpAt).map((e) => e.at);
          return { contactId, signedUpAt, activatedAt: after.length ? Math.min(...after) : null };
        })
        .sort((a, b) => a.signedUpAt - b.signedUpAt || (a.contactId < b.contactId ? -1 : 1));
      assert.ok(expected.some((a) => a.activatedAt === null) && expected.some((a) => a.activatedAt !== null));
      assert.deepEqual(await store.metrics.activations(ws, { signup: 'Signed Up', activation: 'Onboarding Completed' }, FROM, TO), expected);
    });

    test('new customers with what their source is read from, and referral events per period', async () => {
      const born = new Map<string, number>();
      for (const e of stored) if (e.type === 'track' && e.name === 'Signed Up') born.set(e.contactId, Math.min(e.at, born.get(e.contactId) ?? Infinity));
      const traits = new Map((await store.db.selectFrom('contacts').select(['id', 'traits']).where('workspace_id', '=', ws).execute()).map((r) => [r.id, store.dialect.readJson(r.traits)]));
      const byTime = [...stored].sort((a, b) => a.at - b.at || a.id - b.id);
      const expected = [...born]
        .filter(([, at]) => at >= FROM && at < TO)
        .map(([contactId, at]) => {
          const answer = byTime.find((e) => e.contactId === contactId && e.type === 'track' && e.name === 'Survey Responded' && typeof e.survey === 'string' && (ATTRIBUTION_SURVEYS as readonly string[]).includes(e.survey.trim().toLowerCase()) && typeof e.properties['answer'] === 'string');
          return { contactId, at, referred: stored.some((e) => e.contactId === contactId && e.type === 'track' && e.name === 'Referral Accepted'), traits: traits.get(contactId)!, surveyAnswer: (answer?.properties['answer'] as string | undefined) ?? null };
        })
        .sort((a, b) => a.at - b.at || (a.contactId < b.contactId ? -1 : 1));
      const read = await store.metrics.newCustomers(ws, 'Signed Up', FROM, TO);
      assert.deepEqual(read, expected);
      assert.ok(read.some((c) => c.referred) && read.some((c) => c.surveyAnswer !== null) && read.some((c) => !c.referred && c.surveyAnswer === null));
      const months = periodBoundaries(FROM, TO, 'month');
      const counts = { sent: months.slice(0, -1).map(() => 0), accepted: months.slice(0, -1).map(() => 0) };
      for (const e of stored) {
        const i = months.findIndex((start, k) => k < months.length - 1 && e.at >= start && e.at < months[k + 1]!);
        if (i >= 0 && e.type === 'track' && e.name === 'Referral Sent') counts.sent[i]!++;
        if (i >= 0 && e.type === 'track' && e.name === 'Referral Accepted') counts.accepted[i]!++;
      }
      assert.deepEqual(await store.metrics.referralCounts(ws, months), counts);
      assert.ok(referralReport(read, counts, months).sources.length >= 3);
    });

    for (const subject of ['contact', 'account'] as const) {
      test(`framework stage times of each ${subject}, in order, with page views, a trait gate and the loop`, async () => {
        const parsed = parseFramework({
          id: 'test',
          name: 'Test',
          subject,
          stages: [
            { id: 'visit', name: 'Visit', events: ['Page Viewed', 'Signed Up'] },
            { id: 'use', name: 'Use', events: ['Feature Used', 'Onboarding Completed'] },
            { id: 'buy', name: 'Buy', events: ['Order Completed'], ...(subject === 'contact' ? { traits: [{ trait: 'source', equals: 'Ads' }] } : {}) },
            { id: 'tell', name: 'Tell', events: ['Review Submitted', 'Referral Sent'] },
          ],
          loopTo: 'buy',
        });
        assert.ok(parsed.ok);
        const framework: Framework = parsed.framework;
        const traits = new Map((await store.db.selectFrom('contacts').select(['id', 'traits']).where('workspace_id', '=', ws).execute()).map((r) => [r.id, store.dialect.readJson(r.traits)]));
        const bySubject = new Map<string, typeof stored>();
        for (const e of stored) {
          const id = subject === 'contact' ? e.contactId : e.groupId;
          if (id === null || (e.type !== 'track' && e.type !== 'page')) continue;
          bySubject.set(id, [...(bySubject.get(id) ?? []), e]);
        }
        const expected = [...bySubject]
          .map(([subjectId, events]) => {
            const times = stageTimes(framework, events, subject === 'contact' ? traits.get(subjectId) : {});
            return { subjectId, times, loopedAt: loopTime(framework, events, times) };
          })
          .filter((s) => s.times[0] !== null && s.times[0]! >= FROM && s.times[0]! < TO)
          .sort((a, b) => (a.subjectId < b.subjectId ? -1 : 1));
        assert.ok(expected.some((s) => s.times[3] !== null), 'some go all the way');
        if (subject === 'contact') assert.ok(expected.some((s) => s.times[1] === null || s.times[2] === null), 'some stop');
        else assert.ok(expected.some((s) => s.loopedAt !== null), 'some go round the loop');
        assert.deepEqual(await store.metrics.stageTimes(ws, framework, { from: FROM, to: TO, audience: {} }), expected);

        // The journey map's cells: each interaction in the stage its subject was in then.
        const interactions = [...stored]
          .filter((e) => e.channel !== null && (subject === 'contact' ? e.contactId : e.groupId) !== null)
          .map((e) => ({ subjectId: (subject === 'contact' ? e.contactId : e.groupId)!, at: e.at, channel: e.channel!, category: e.category ?? 'usage', name: e.name, sentiment: e.sentiment, rating: e.rating }));
        const rounded = (cells: ReturnType<typeof mapCells>) => cells.map((c) => ({ ...c, emotionSum: Math.round(c.emotionSum * 1e9) / 1e9 }));
        const cells = mapCells(expected, interactions);
        assert.ok(cells.some((c) => c.rated > 0) && new Set(cells.map((c) => c.stage)).size === 4);
        assert.deepEqual(rounded(await store.metrics.mapCells(ws, framework, { from: FROM, to: TO, audience: {} })), rounded(cells));
      });
    }

    test('interactions counted per contact and per account, and kind, over a window', async () => {
      for (const subject of ['contact', 'account'] as const) {
        const counts = new Map<string, InteractionCount>();
        for (const e of stored) {
          const subjectId = subject === 'contact' ? e.contactId : e.groupId;
          if (subjectId === null || e.channel === null || e.at < FROM || e.at >= TO) continue;
          const key = JSON.stringify([subjectId, e.name, e.category, e.channel, e.direction]);
          const c = counts.get(key) ?? { subjectId, name: e.name, category: e.category, channel: e.channel, direction: e.direction, count: 0 };
          c.count++;
          counts.set(key, c);
        }
        const expected = [...counts.values()].sort(compareCounts);
        assert.ok(expected.length > 50, subject);
        assert.deepEqual(await store.metrics.interactionCounts(ws, subject, FROM, TO), expected, subject);
      }
    });

    test('an audience keeps the contacts of a segment, or of accounts in a segment or with a model', async () => {
      const boundaries = periodBoundaries(FROM, TO, 'month');
      const contactOf = async (userId: string) => (await store.contacts.findByUserId(ws, userId))!.id;
      const [u1, u2, u3] = [await contactOf('u1'), await contactOf('u2'), await contactOf('u3')];
      await store.db.insertInto('memberships').values({ workspace_id: ws, group_id: 'acme', contact_id: u2, created_at: FROM }).execute();
      await store.db.insertInto('memberships').values({ workspace_id: ws, group_id: 'bolt', contact_id: u3, created_at: FROM }).execute();
      await store.segmentMemberships.replace(ws, 'people', [u1], FROM);
      await store.segmentMemberships.replace(ws, 'big-accounts', ['acme'], FROM);
      await store.accountModels.change(ws, { groupId: 'bolt', modelId: 'high-touch', phaseId: 'onboarding', ruleId: null, reason: 'test', since: FROM, phaseSince: FROM }, 'test');
      const only = (ids: string[]) => stored.filter((e) => ids.includes(e.contactId) && e.type === 'track');
      const nps = (ids: string[]) => tallySurveyEvents(only(ids), 'nps', boundaries);
      assert.deepEqual(await store.metrics.surveyTallies(ws, 'nps', boundaries, { segment: 'people' }), nps([u1]));
      assert.deepEqual(await store.metrics.surveyTallies(ws, 'nps', boundaries, { segment: 'big-accounts' }), nps([u2]));
      assert.deepEqual(await store.metrics.surveyTallies(ws, 'nps', boundaries, { model: 'high-touch' }), nps([u3]));
      assert.deepEqual(await store.metrics.surveyTallies(ws, 'nps', boundaries, { model: 'high-touch', segment: 'people' }), nps([]));
      const births = only([u3]).filter((e) => e.name === 'Signed Up');
      assert.deepEqual(await store.metrics.retention(ws, boundaries, { cohortEvent: 'Signed Up', audience: { model: 'high-touch' } }), retentionTable(births, stored.filter((e) => e.contactId === u3 && e.direction === 'inbound'), boundaries));
    });
  });
}
