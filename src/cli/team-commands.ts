import type { Command } from 'commander';
import { TEAM_ROLES } from '../core/team/team-member.js';
import { addTeamMember } from '../engine/team/team-members.js';
import { DEFAULT_WORKSPACE_ID } from '../store/workspaces.js';
import { openContext, type GlobalOptions } from './wiring.js';

const list = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

/** `touchpoint team`: the customer success team that owns high-touch accounts and their tasks. */
export function registerTeamCommands(program: Command, globals: () => GlobalOptions): void {
  const team = program.command('team').description('the customer success team: who owns high-touch accounts and their tasks');
  team
    .command('add <email>')
    .description('add a team member')
    .requiredOption('--name <name>', 'full name')
    .option('--role <role>', `one of ${TEAM_ROLES.join(', ')}`, 'csm')
    .option('--capacity <accounts>', 'how many accounts the person can own', (v) => Number(v), 0)
    .option('--territory <values>', 'territories covered (the account trait territory, region or country); repeat or separate with commas', list)
    .option('--segment <ids>', 'segments of accounts covered; repeat or separate with commas', list)
    .action(async (email: string, options: { name: string; role: string; capacity: number; territory?: string[]; segment?: string[] }) => {
      const context = await openContext(globals());
      try {
        const member = await addTeamMember(context, DEFAULT_WORKSPACE_ID, { email, name: options.name, role: options.role, capacity: options.capacity, territories: options.territory ?? [], segments: options.segment ?? [] });
        console.log(`added ${member.name} <${member.email}> as ${member.role}${member.role === 'csm' ? ` (capacity ${member.capacity})` : ''}`);
      } finally {
        await context.store.close();
      }
    });
  team
    .command('list')
    .description('list team members with their accounts against capacity')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const context = await openContext(globals());
      try {
        const loads = await context.store.team.loads(DEFAULT_WORKSPACE_ID);
        const members = (await context.store.team.list(DEFAULT_WORKSPACE_ID)).map((m) => ({ ...m, accounts: loads.get(m.id) ?? 0 }));
        if (options.json) return console.log(JSON.stringify(members, null, 2));
        for (const m of members) console.log(`${m.name} <${m.email}>  ${m.role}  ${m.accounts}/${m.capacity}  ${m.territories.join(',')}`);
      } finally {
        await context.store.close();
      }
    });
}
