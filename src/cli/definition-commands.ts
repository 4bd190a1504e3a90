import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { DEFINITION_KINDS, definitionsToYaml, formatDocumentIssue, type DefinitionKind } from '../core/definitions/definition-documents.js';
import { validationError } from '../core/errors.js';
import { applyDefinitions, readDefinitionFiles } from '../engine/definitions/apply-definitions.js';
import { putDefinitionsInEffect } from '../engine/definitions/definitions-in-effect.js';
import { effectiveDefinitions } from '../engine/definitions/effective-definitions.js';
import { describeAssignment } from '../engine/demo/load-demo.js';
import { assignModels } from '../engine/models/assign-models.js';
import { DEFAULT_WORKSPACE_ID } from '../store/workspaces.js';
import { openContext, type GlobalOptions } from './wiring.js';

/** `touchpoint apply -f` and `touchpoint export`: definitions as YAML files. */
export function registerDefinitionCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('apply')
    .description('apply definitions (segments, engagement models, assignment and escalation rules, task templates) from YAML; all or nothing')
    .requiredOption('-f, --file <path>', 'a YAML file, or a directory of them (searched recursively)')
    .action(async (options: { file: string }) => {
      const files = await readDefinitionFiles(options.file).catch((error: { code?: string }) => {
        throw validationError(error.code === 'ENOENT' ? `${options.file}: no such file or directory` : `${options.file}: cannot be read (${error.code ?? error})`);
      });
      const context = await openContext(globals());
      try {
        const result = await applyDefinitions(context, DEFAULT_WORKSPACE_ID, files, 'touchpoint apply');
        if (!result.ok) {
          for (const issue of result.issues) console.error(formatDocumentIssue(issue));
          console.error(`nothing was applied: ${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}`);
          process.exitCode = 1;
          return;
        }
        for (const d of result.applied) console.log(`applied ${d.kind} ${d.kind === 'AssignmentRules' ? '' : d.spec.id}`.trimEnd());
        // New segments, rules or models take effect at once, each move recorded with its reason.
        const assigned = await putDefinitionsInEffect(context, DEFAULT_WORKSPACE_ID, result.applied, 'touchpoint apply');
        if (assigned) console.log(describeAssignment(assigned));
      } finally {
        await context.store.close();
      }
    });

  program
    .command('export')
    .description('print the definitions in force (stored, or shipped where none are stored) as YAML')
    .addOption(new Option('--kind <kind>', 'only this kind').choices(DEFINITION_KINDS))
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (options: { kind?: DefinitionKind; out?: string }) => {
      const context = await openContext(globals());
      try {
        const definitions = (await effectiveDefinitions(context, DEFAULT_WORKSPACE_ID)).filter((d) => !options.kind || d.kind === options.kind);
        const yaml = definitionsToYaml(definitions);
        if (options.out) await writeFile(options.out, yaml);
        else process.stdout.write(yaml);
      } finally {
        await context.store.close();
      }
    });
}

/** `touchpoint models assign`: re-applies the assignment rules to every account. */
export function registerModelCommands(program: Command, globals: () => GlobalOptions): void {
  const models = program.command('models').description('engagement models of accounts');
  models
    .command('assign')
    .description('apply the assignment rules in force to every account, recording each change and its reason')
    .action(async () => {
      const context = await openContext(globals());
      try {
        console.log(describeAssignment(await assignModels(context, DEFAULT_WORKSPACE_ID, 'touchpoint models assign')));
      } finally {
        await context.store.close();
      }
    });
}
