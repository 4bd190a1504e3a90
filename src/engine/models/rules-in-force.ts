import type { RulesInForce } from '../../core/records.js';
import { SHIPPED_RULES } from '../../core/models/shipped-rules.js';
import type { EngineContext } from '../context.js';

/** The workspace's stored assignment rules, or the shipped ones until it stores its own. */
export async function rulesInForce(context: EngineContext, workspaceId: string): Promise<RulesInForce> {
  const [stored] = (await context.store.definitions.list(workspaceId, 'AssignmentRules')).flatMap((d) => (d.kind === 'AssignmentRules' ? [d.spec] : []));
  return stored ? { rules: stored, shipped: false } : { rules: SHIPPED_RULES, shipped: true };
}
