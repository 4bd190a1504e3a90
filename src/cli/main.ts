#!/usr/bin/env node
import { Command, Option } from 'commander';
import { validationError } from '../core/errors.js';
import { DEFAULT_WORKSPACE_ID } from '../store/workspaces.js';
import { addUser } from '../engine/users.js';
import type { ChannelConfig } from '../engine/channels/email-channel.js';
import { startJourneyWork } from './journey-work.js';
import { startServer } from './serve.js';
import { openContext, type GlobalOptions } from './wiring.js';
import { registerDataCommands } from './data-commands.js';
import { registerDefinitionCommands, registerModelCommands } from './definition-commands.js';
import { registerMetricCommands } from './metric-commands.js';
import { registerTeamCommands } from './team-commands.js';

/** The `touchpoint` command: the one place where configuration is read and things are wired. */
const program = new Command('touchpoint')
  .description('Touchpoint: customer engagement platform')
  .addOption(new Option('--data <dir>', 'directory of the embedded database').default('./data').env('TOUCHPOINT_DATA'))
  .addOption(new Option('--database-url <url>', 'PostgreSQL connection URL (postgres://...); embedded SQLite when absent').env('DATABASE_URL'))
  .showHelpAfterError();

/** More sends in flight than this only queue at the mail server and widen what a crash may resend. */
const MAX_SENDS_IN_FLIGHT = 256;

const globals = (): GlobalOptions => program.opts<GlobalOptions>();
/** E-mail settings, read from the environment once, here. */
const channelConfig = (): ChannelConfig => ({
  smtpUrl: process.env['TOUCHPOINT_SMTP_URL'] || null,
  from: process.env['TOUCHPOINT_MAIL_FROM'] || null,
  publicUrl: process.env['TOUCHPOINT_PUBLIC_URL'] || `http://localhost:${process.env['PORT'] || 3000}`,
  allowPrivateWebhooks: process.env['TOUCHPOINT_WEBHOOK_ALLOW_PRIVATE'] === 'true',
  ...(process.env['TOUCHPOINT_SENDS_IN_FLIGHT'] ? { sendsInFlight: sendsInFlight(process.env['TOUCHPOINT_SENDS_IN_FLIGHT']) } : {}),
});

/** TOUCHPOINT_SENDS_IN_FLIGHT as a number, refused at start when it is not a whole number from 1 to 256. */
function sendsInFlight(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_SENDS_IN_FLIGHT) {
    throw validationError(`TOUCHPOINT_SENDS_IN_FLIGHT must be a whole number from 1 to ${MAX_SENDS_IN_FLIGHT}, not ${JSON.stringify(value)}`, [
      { path: 'TOUCHPOINT_SENDS_IN_FLIGHT', message: `must be a whole number from 1 to ${MAX_SENDS_IN_FLIGHT}` },
    ]);
  }
  return n;
}

program
  .command('worker')
  .description('run journey work: the event feed, date triggers, due runs and their e-mail, tasks and other effects (several may share one PostgreSQL)')
  .action(async () => {
    // Settings are checked before anything is opened: a bad one stops the start, naming itself.
    const channels = channelConfig();
    const context = await openContext(globals());
    const work = startJourneyWork(context, channels);
    console.log(`journey worker running${process.env['TOUCHPOINT_SMTP_URL'] ? ', sending e-mail over SMTP' : ', keeping e-mail in the outbox (TOUCHPOINT_SMTP_URL is not set)'}`);
    const stop = async () => {
      await work[Symbol.asyncDispose]();
      await context.store.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program
  .command('serve')
  .description('serve the dashboard, the REST API and the ingestion API')
  .addOption(new Option('--port <n>', 'port').default(3000).env('PORT').argParser(Number))
  .addOption(new Option('--host <host>', 'address to listen on').default('127.0.0.1').env('HOST'))
  .option('--demo', 'load demo data first if the database is empty')
  .option('--no-worker', 'do not run journey work in this process (run `touchpoint worker` processes instead; PostgreSQL only)')
  .action(async (options: { port: number; host: string; demo?: boolean; worker: boolean }) => {
    // Settings are checked before the demo loads: a bad one stops the start at once, naming itself.
    const channels = channelConfig();
    const context = await openContext(globals());
    const keys = await context.store.workspaces.ensureKeys(DEFAULT_WORKSPACE_ID, context.ids.secret, context.clock.now());
    if (options.demo) {
      const { loadDemoIfEmpty } = await import('../engine/demo/load-demo.js');
      await loadDemoIfEmpty(context, DEFAULT_WORKSPACE_ID, { log: (line) => console.log(line) });
    }
    const server = await startServer(context, { port: options.port, host: options.host, channels, journeys: options.worker ? channels : null });
    // Tests read the first line to find the port.
    console.log(`Touchpoint is running at ${server.url}`);
    const shown = server.url.replace(/\/\/(127\.0\.0\.1|0\.0\.0\.0|\[::1?\])/, '//localhost');
    console.log(`  dashboard: ${shown}`);
    // Secrets go to the console only for the demo; a production log should not hold them.
    const secret = (value: string) => (options.demo ? value : 'see `touchpoint keys`');
    console.log(`  ingestion: ${shown}/v1   write key: ${secret(keys.writeKey)}`);
    console.log(`  REST API:  ${shown}/api  API token: ${secret(keys.apiToken)}  (docs: ${shown}/api/openapi.json)`);
    const stop = async () => {
      await server.close();
      await context.store.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program
  .command('migrate')
  .description('create or update the database schema (also done on every start)')
  .action(async () => {
    const context = await openContext(globals());
    console.log('database schema is up to date');
    await context.store.close();
  });

program
  .command('keys')
  .description("print the default workspace's write key and API token, creating them if needed")
  .option('--json', 'print as JSON')
  .action(async (options: { json?: boolean }) => {
    const context = await openContext(globals());
    const keys = await context.store.workspaces.ensureKeys(DEFAULT_WORKSPACE_ID, context.ids.secret, context.clock.now());
    console.log(options.json ? JSON.stringify(keys) : `write key: ${keys.writeKey}\nAPI token: ${keys.apiToken}`);
    await context.store.close();
  });

const users = program.command('users').description('team members who log in to the dashboard');
users
  .command('add <email>')
  .description('add a team member (or reset the password of an existing one)')
  .option('--admin', 'make the member an admin')
  .addOption(new Option('--role <role>', 'role').choices(['admin', 'manager', 'csm']).default('csm'))
  .addOption(new Option('--password <password>', 'password (asked for when absent)').env('TOUCHPOINT_PASSWORD'))
  .option('--name <name>', 'display name')
  .action(async (email: string, options: { admin?: boolean; role: 'admin' | 'manager' | 'csm'; password?: string; name?: string }) => {
    const password = options.password ?? (await askPassword());
    const context = await openContext(globals());
    try {
      const user = await addUser(context, { workspaceId: DEFAULT_WORKSPACE_ID, email, password, role: options.admin ? 'admin' : options.role, name: options.name });
      console.log(`${user.email} can log in (${user.role})`);
    } finally {
      await context.store.close();
    }
  });

registerDataCommands(program, globals);
registerDefinitionCommands(program, globals);
registerModelCommands(program, globals);
registerTeamCommands(program, globals);
registerMetricCommands(program, globals);

async function askPassword(): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    return await rl.question('password: ');
  } finally {
    rl.close();
  }
}

program.parseAsync(process.argv).catch((error: unknown) => {
  const e = error as { code?: string; message?: string; issues?: { path: string; message: string }[] };
  console.error(`touchpoint: ${e.message ?? String(error)}`);
  for (const issue of e.issues ?? []) console.error(`  ${issue.path}: ${issue.message}`);
  process.exit(1);
});
