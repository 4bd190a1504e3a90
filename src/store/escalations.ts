import type { Kysely } from 'kysely';
import type { EscalationState } from '../core/models/escalation.js';
import type { Database } from './database.js';

/**
 * Escalation state beside each account's model: the rule that moved it, where it came from,
 * and the current healthy stretch. Moves themselves go through `accountModels.change`.
 */
export function escalationQueries(db: Kysely<Database>) {
  return {
    /** Escalation state of every escalated account. */
    async list(workspaceId: string): Promise<Map<string, EscalationState>> {
      const rows = await db
        .selectFrom('account_models')
        .select(['group_id', 'escalation_rule', 'escalated_from_model', 'escalated_from_phase', 'escalated_at', 'healthy_since'])
        .where('workspace_id', '=', workspaceId)
        .where('escalation_rule', 'is not', null)
        .execute();
      return new Map(
        rows.map((r) => [
          r.group_id,
          { ruleId: r.escalation_rule!, fromModel: r.escalated_from_model!, fromPhase: r.escalated_from_phase!, escalatedAt: Number(r.escalated_at), healthySince: r.healthy_since === null ? null : Number(r.healthy_since) },
        ]),
      );
    },

    async find(workspaceId: string, groupId: string): Promise<EscalationState | null> {
      return (await this.list(workspaceId)).get(groupId) ?? null;
    },

    /** Sets (or, with null, clears) an account's escalation state; moves set it with `accountModels.change`. */
    async set(workspaceId: string, groupId: string, state: EscalationState | null): Promise<void> {
      await db.updateTable('account_models').set(escalationColumns(state)).where('workspace_id', '=', workspaceId).where('group_id', '=', groupId).execute();
    },
  };
}


/** The escalation columns of `account_models` for a state (all null when there is none). */
export function escalationColumns(state: EscalationState | null) {
  return {
    escalation_rule: state?.ruleId ?? null, escalated_from_model: state?.fromModel ?? null, escalated_from_phase: state?.fromPhase ?? null,
    escalated_at: state?.escalatedAt ?? null, healthy_since: state?.healthySince ?? null,
  };
}
