import { sql, type Kysely } from 'kysely';
import { DAY_MS } from '../core/activity.js';
import type { EscalationState } from '../core/models/escalation.js';
import type { AccountModel, ModelChange, ModelMovesPerDay } from '../core/records.js';
import { chunks } from './chunks.js';
import type { Database } from './database.js';
import type { StoreDialect } from './dialects/dialect.js';
import { escalationColumns } from './escalations.js';

export type { AccountModel };

export type { ModelChange };

/** Accounts' engagement models and the history of their changes. */
export function accountModelQueries(db: Kysely<Database>, dialect: StoreDialect) {
  const toModel = (r: { group_id: string; model_id: string; phase_id: string; rule_id: string | null; reason: string; since: number; phase_since: number }): AccountModel => ({
    groupId: r.group_id, modelId: r.model_id, phaseId: r.phase_id, ruleId: r.rule_id, reason: r.reason, since: Number(r.since), phaseSince: Number(r.phase_since),
  });
  return {
    async find(workspaceId: string, groupId: string): Promise<AccountModel | undefined> {
      const row = await db.selectFrom('account_models').selectAll().where('workspace_id', '=', workspaceId).where('group_id', '=', groupId).executeTakeFirst();
      return row ? toModel(row) : undefined;
    },

    /** Every account's model, or only those of `groupIds` (ids that are not accounts are skipped). */
    async list(workspaceId: string, groupIds?: ReadonlySet<string>): Promise<AccountModel[]> {
      if (groupIds === undefined) {
        const rows = await db.selectFrom('account_models').selectAll().where('workspace_id', '=', workspaceId).orderBy('group_id').execute();
        return rows.map(toModel);
      }
      const found: AccountModel[] = [];
      for (const part of chunks([...groupIds].sort(), 500)) {
        const rows = await db.selectFrom('account_models').selectAll().where('workspace_id', '=', workspaceId).where('group_id', 'in', part).orderBy('group_id').execute();
        found.push(...rows.map(toModel));
      }
      return found;
    },

    /**
     * What economics need of every account with a model: MRR, contacts, and interactions in
     * [from, split) and [split, to).
     */
    async economicsInputs(workspaceId: string, window: { from: number; split: number; to: number }) {
      const rows = await db
        .selectFrom('account_models as m')
        .innerJoin('accounts as a', (join) => join.onRef('a.workspace_id', '=', 'm.workspace_id').onRef('a.group_id', '=', 'm.group_id'))
        .select(['m.group_id', 'm.model_id', 'm.phase_id', 'a.name', 'a.mrr'])
        .select((eb) => [
          eb.selectFrom('memberships as ms').select((sub) => sub.fn.countAll<number>().as('n')).whereRef('ms.workspace_id', '=', 'm.workspace_id').whereRef('ms.group_id', '=', 'm.group_id').as('contacts'),
          eb.selectFrom('events as e').select((sub) => sub.fn.countAll<number>().as('n')).whereRef('e.workspace_id', '=', 'm.workspace_id').whereRef('e.group_id', '=', 'm.group_id').where('e.channel', 'is not', null).where('e.timestamp', '>=', window.split).where('e.timestamp', '<', window.to).as('this_period'),
          eb.selectFrom('events as e').select((sub) => sub.fn.countAll<number>().as('n')).whereRef('e.workspace_id', '=', 'm.workspace_id').whereRef('e.group_id', '=', 'm.group_id').where('e.channel', 'is not', null).where('e.timestamp', '>=', window.from).where('e.timestamp', '<', window.split).as('last_period'),
        ])
        .where('m.workspace_id', '=', workspaceId)
        .orderBy('m.group_id')
        .execute();
      return rows.map((r) => ({
        groupId: r.group_id, modelId: r.model_id, phaseId: r.phase_id, name: r.name, mrr: r.mrr === null ? null : Number(r.mrr),
        contacts: Number(r.contacts ?? 0), activityThisPeriod: Number(r.this_period ?? 0), activityLastPeriod: Number(r.last_period ?? 0),
      }));
    },

    /**
     * Every account, with or without a model, and what placing and pricing it needs: name,
     * MRR, contacts and its current model, if any. One row per account, in group-id order.
     */
    async placementInputs(workspaceId: string): Promise<{ groupId: string; name: string | null; mrr: number | null; contacts: number; current: AccountModel | undefined }[]> {
      const rows = await db
        .selectFrom('accounts as a')
        .leftJoin('account_models as m', (join) => join.onRef('m.workspace_id', '=', 'a.workspace_id').onRef('m.group_id', '=', 'a.group_id'))
        .select(['a.group_id', 'a.name', 'a.mrr', 'm.model_id', 'm.phase_id', 'm.rule_id', 'm.reason', 'm.since', 'm.phase_since'])
        .select((eb) => eb.selectFrom('memberships as ms').select((sub) => sub.fn.countAll<number>().as('n')).whereRef('ms.workspace_id', '=', 'a.workspace_id').whereRef('ms.group_id', '=', 'a.group_id').as('contacts'))
        .where('a.workspace_id', '=', workspaceId)
        .orderBy('a.group_id')
        .execute();
      return rows.map((r) => ({
        groupId: r.group_id, name: r.name, mrr: r.mrr === null ? null : Number(r.mrr), contacts: Number(r.contacts ?? 0),
        current: r.model_id === null ? undefined : toModel({ group_id: r.group_id, model_id: r.model_id, phase_id: r.phase_id!, rule_id: r.rule_id, reason: r.reason!, since: r.since!, phase_since: r.phase_since! }),
      }));
    },

    /**
     * Accounts that moved from one model to another, per UTC day in [from, to) and the model
     * they moved to. A first assignment is not a move, nor is a change of phase.
     */
    async movesPerDay(workspaceId: string, from: number, to: number): Promise<ModelMovesPerDay['items']> {
      // A literal, not a parameter: GROUP BY must repeat the exact expression on PostgreSQL.
      const day = sql<number>`changed_at - (changed_at % ${sql.lit(DAY_MS)})`;
      const rows = await db
        .selectFrom('model_changes')
        .select([day.as('day'), 'to_model'])
        .select((eb) => eb.fn.countAll<number>().as('moves'))
        .where('workspace_id', '=', workspaceId)
        .where('changed_at', '>=', from)
        .where('changed_at', '<', to)
        .where('from_model', 'is not', null)
        .whereRef('from_model', '<>', 'to_model')
        .groupBy([day, 'to_model'])
        .orderBy(day)
        .orderBy('to_model')
        .execute();
      return rows.map((r) => ({ day: Number(r.day), modelId: r.to_model, count: Number(r.moves) }));
    },

    async history(workspaceId: string, groupId: string): Promise<ModelChange[]> {
      const rows = await db.selectFrom('model_changes').selectAll().where('workspace_id', '=', workspaceId).where('group_id', '=', groupId).orderBy('changed_at', 'desc').orderBy('id', 'desc').execute();
      return rows.map((r) => ({ fromModel: r.from_model, fromPhase: r.from_phase, toModel: r.to_model, toPhase: r.to_phase, reason: r.reason, changedBy: r.changed_by, changedAt: Number(r.changed_at) }));
    },

    /**
     * Records a change: the new current model and one history row, in one transaction. A
     * call that changes nothing (same model and phase) only refreshes the reason. The history
     * row says `historyReason` when given: why it changed now, beside why the model fits.
     *
     * `expected` makes it a compare-and-set: the change happens only if the account is still
     * where the caller saw it (its row locked on PostgreSQL), so two processes reacting to the
     * same signal move it once; the loser gets false and does nothing more. `escalation`, when
     * given, sets the escalation state in the same transaction (null clears it).
     */
    async change(
      workspaceId: string,
      next: AccountModel,
      changedBy: string,
      historyReason: string = next.reason,
      options: { expected?: { modelId: string; phaseId: string }; escalation?: EscalationState | null } = {},
    ): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom('account_models')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('group_id', '=', next.groupId)
          .$if(dialect.capabilities.rowLocks, (q) => q.forUpdate())
          .executeTakeFirst();
        if (options.expected && (current?.model_id !== options.expected.modelId || current.phase_id !== options.expected.phaseId)) return false;
        const row = { model_id: next.modelId, phase_id: next.phaseId, rule_id: next.ruleId, reason: next.reason, since: next.since, phase_since: next.phaseSince };
        if (current && current.model_id === next.modelId && current.phase_id === next.phaseId) {
          await trx.updateTable('account_models').set({ rule_id: next.ruleId, reason: next.reason }).where('workspace_id', '=', workspaceId).where('group_id', '=', next.groupId).execute();
          return false;
        }
        const escalation = options.escalation === undefined ? {} : escalationColumns(options.escalation);
        await trx
          .insertInto('account_models')
          .values({ workspace_id: workspaceId, group_id: next.groupId, ...row, ...escalation })
          .onConflict((oc) => oc.columns(['workspace_id', 'group_id']).doUpdateSet({ ...row, ...escalation }))
          .execute();
        await trx
          .insertInto('model_changes')
          .values({
            workspace_id: workspaceId, group_id: next.groupId, from_model: current?.model_id ?? null, from_phase: current?.phase_id ?? null,
            to_model: next.modelId, to_phase: next.phaseId, reason: historyReason, changed_by: changedBy, changed_at: next.phaseSince,
          })
          .execute();
        return true;
      });
    },
  };
}
