import { sql, type Kysely } from 'kysely';
import { ATTRIBUTION_SURVEYS, REFERRAL_EVENTS, type NewCustomer, type ReferralCounts } from '../../core/metrics/referrals.js';
import type { Database } from '../database.js';
import type { StoreDialect } from '../dialects/dialect.js';
import { firstEventPerContact, inAudience, periodOf, type Audience } from './metric-sql.js';

/** Contacts whose first cohort event is in [from, to), with what their source is read from. */
export async function newCustomers(db: Kysely<Database>, dialect: StoreDialect, workspaceId: string, cohortEvent: string, from: number, to: number, audience: Audience): Promise<NewCustomer[]> {
  const rows = await db
    .with('births', () => firstEventPerContact(db, workspaceId, cohortEvent, audience))
    .selectFrom('births')
    .innerJoin('contacts', (join) => join.on('contacts.workspace_id', '=', workspaceId).onRef('contacts.id', '=', 'births.contact_id'))
    .select((eb) => {
      const answer = dialect.json.at(sql.ref('a.properties'), ['answer']);
      const survey = dialect.json.at(sql.ref('a.properties'), ['survey']);
      return [
        'births.contact_id',
        'births.born',
        'contacts.traits',
        eb
          .exists(eb.selectFrom('events as r').select('r.id').where('r.workspace_id', '=', workspaceId).whereRef('r.contact_id', '=', 'births.contact_id').where('r.type', '=', 'track').where('r.name', '=', REFERRAL_EVENTS.accepted))
          .as('referred'),
        eb
          .selectFrom('events as a')
          .select(sql<string>`${answer.text}`.as('answer'))
          .where('a.workspace_id', '=', workspaceId)
          .whereRef('a.contact_id', '=', 'births.contact_id')
          .where('a.type', '=', 'track')
          .where('a.name', '=', 'Survey Responded')
          .where(survey.type, '=', 'string')
          .where(sql`LOWER(TRIM(${survey.text}))`, 'in', [...ATTRIBUTION_SURVEYS])
          .where(answer.type, '=', 'string')
          .orderBy('a.timestamp')
          .orderBy('a.id')
          .limit(1)
          .as('survey_answer'),
      ];
    })
    .where('births.born', '>=', from)
    .where('births.born', '<', to)
    .execute();
  return rows
    .map((r) => ({ contactId: r.contact_id!, at: Number(r.born), referred: Boolean(Number(r.referred)), traits: dialect.readJson(r.traits), surveyAnswer: r.survey_answer ?? null }))
    .sort((a, b) => a.at - b.at || (a.contactId < b.contactId ? -1 : 1));
}

/** `Referral Sent` and `Referral Accepted` events per period. */
export async function referralCounts(db: Kysely<Database>, workspaceId: string, boundaries: readonly number[], audience: Audience): Promise<ReferralCounts> {
  const period = periodOf(sql.ref('events.timestamp'), boundaries);
  const rows = await db
    .selectFrom('events')
    .select([period.as('period'), 'events.name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('events.workspace_id', '=', workspaceId)
    .where('events.type', '=', 'track')
    .where('events.name', 'in', [REFERRAL_EVENTS.sent, REFERRAL_EVENTS.accepted])
    .where('events.timestamp', '>=', boundaries[0]!)
    .where('events.timestamp', '<', boundaries[boundaries.length - 1]!)
    .where((eb) => inAudience(eb, workspaceId, audience))
    .groupBy([period, 'events.name'])
    .execute();
  const counts: ReferralCounts = { sent: new Array<number>(boundaries.length - 1).fill(0), accepted: new Array<number>(boundaries.length - 1).fill(0) };
  for (const r of rows) counts[r.name === REFERRAL_EVENTS.sent ? 'sent' : 'accepted'][Number(r.period)] = Number(r.n);
  return counts;
}
