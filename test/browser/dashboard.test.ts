import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/cli/serve.js';
import type { LifetimeValueFit } from '../../src/core/clv/predict-lifetime-values.js';
import { DEMO_LOGIN, loadDemoIfEmpty } from '../../src/engine/demo/load-demo.js';
import { assignModels } from '../../src/engine/models/assign-models.js';
import { addTeamMember } from '../../src/engine/team/team-members.js';
import { addUser } from '../../src/engine/users.js';
import { systemClock } from '../../src/engine/system-context.js';
import { sqliteDialect } from '../../src/store/dialects/sqlite/sqlite-dialect.js';
import { Store } from '../../src/store/store.js';
import type { EngineContext } from '../../src/engine/context.js';
import { testContext, testWorkspace } from '../support/context.js';

/**
 * The dashboard end to end in a real browser: Debian's chromium (or CHROMIUM_PATH) drives the
 * built dashboard (web/dist) against a server over a fresh SQLite store. Without chromium the
 * test is skipped on a developer machine, and fails in CI, which installs it.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const ARTIFACTS = join(ROOT, '.test-artifacts');
const CHROMIUM = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const HOUR = 3_600_000;
// Every message is an event, identify and group calls included.
const EVENTS = 13;
const ENTRIES = '[data-testid="timeline-entry"]';
const ACCOUNT_ROWS = 'table[aria-label="Accounts"] tbody tr';
const MODELS = ['High touch', 'Low touch', 'No touch', 'Hybrid: high-touch onboarding, then low touch', 'Hybrid: low touch that escalates'];
const LOGIN = { email: 'casey@touchpoint.example', password: 'correct horse battery' };

const missingChromium = !existsSync(CHROMIUM);
const skip = missingChromium && !process.env['CI'] ? `no chromium at ${CHROMIUM} (install chromium or set CHROMIUM_PATH)` : false;

test('a team member logs in and follows an account from the overview to one of its contacts', { skip, timeout: 120_000 }, async () => {
  await onFreshServer(
    async (context) => {
      await addUser(context, { workspaceId: 'default', ...LOGIN, role: 'admin', name: 'Casey Morgan' });
      await addTeamMember(context, 'default', { email: LOGIN.email, name: 'Casey Morgan', role: 'csm', capacity: 10 });
    },
    async (context, page, url) => {
      const workspace = await testWorkspace(context, 'default');
      const ingest = await fetch(`${url}/v1/batch`, { method: 'POST', headers: workspace.ingestHeaders, body: JSON.stringify({ batch: messages(Date.now()) }) });
      assert.equal(ingest.status, 200, await ingest.text());
      await assignModels(context, 'default', 'test');
      // Three people with one order between them cannot fit the models; the walk stores the
      // published CDNOW fit when it needs one, as `touchpoint clv` on more history would.
      const storeFit = () => context.store.lifetimeValueFits.save('default', cdnowFit(Date.now()));
      await clickThrough(page, url, storeFit);
    },
  );
});

test("the demo's overview, metrics, framework funnels and journey map render with its data", { skip, timeout: 180_000 }, async () => {
  await onFreshServer(
    // `touchpoint serve --demo` at a tenth of the shipped size: 20 accounts, a year of history.
    (context) => loadDemoIfEmpty(context, 'default', { log: () => {}, scale: 0.1 }),
    (_context, page, url) => walkDemo(page, url),
  );
});

/**
 * A fresh SQLite store with the default workspace, filled by `prepare`, then a server and a
 * browser page over it for `walk`; everything is closed and removed afterwards. The real
 * clock: the overview counts the last 90 days before now.
 */
async function onFreshServer(prepare: (context: EngineContext) => Promise<void>, walk: (context: EngineContext, page: Page, url: string) => Promise<void>): Promise<void> {
  assert.ok(!missingChromium, `no chromium at ${CHROMIUM}: CI must install it (or set CHROMIUM_PATH)`);
  assert.ok(existsSync(join(ROOT, 'web', 'dist', 'index.html')), 'web/dist/index.html is missing: run `npm run build` first');
  mkdirSync(ARTIFACTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'touchpoint-browser-'));
  const store = await Store.open(sqliteDialect(join(dataDir, 'touchpoint.db')));
  const context = testContext(store, systemClock);
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    await store.workspaces.ensure('default', 'Default workspace', Date.now());
    await prepare(context);
    server = await startServer(context, { port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    await walk(context, await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'UTC' }), server.url);
  } finally {
    await browser?.close();
    await server?.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The demo as its login finds it: every analytics page shows figures, none an empty state. */
async function walkDemo(page: Page, url: string): Promise<void> {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.setDefaultTimeout(15_000);
  await page.goto(url);
  await page.getByLabel('E-mail').fill(DEMO_LOGIN.email);
  await page.getByLabel('Password').fill(DEMO_LOGIN.password);
  await page.getByRole('button', { name: 'Log in' }).click();

  await page.getByRole('heading', { name: 'Overview' }).waitFor();
  await page.getByTestId('total-accounts').locator('.stat-value').waitFor();
  assert.equal(await numberIn(page.getByTestId('total-accounts').locator('.stat-value')), 20);
  assert.ok((await numberIn(page.getByTestId('total-events').locator('.stat-value'))) > 1_000);
  await page.locator('canvas').first().waitFor();
  await shot(page, 'demo-overview');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Metrics' }).click();
  await page.getByRole('heading', { name: 'Metrics' }).waitFor();
  await hasCount(page, 'table[aria-label="Goal progress"] tbody tr', 5);
  const kpis = page.getByRole('region', { name: 'KPIs' }).locator('.stat-card');
  await kpis.first().waitFor();
  for (const label of ['NPS', 'CSAT', 'Conversion rate', 'New customers', 'Time to value']) {
    const value = await kpis.filter({ has: page.locator('.stat-label', { hasText: new RegExp(`^${label}$`) }) }).locator('.stat-value').innerText();
    assert.notEqual(value, '—', `the ${label} card has a figure`);
  }
  // Twelve weekly cohorts, each with its share still active in its first week.
  const cohorts = page.locator('table[aria-label="Retention by cohort"] tbody tr');
  await hasCount(page, 'table[aria-label="Retention by cohort"] tbody tr', 12);
  assert.ok((await numberIn(cohorts.first().locator('td').nth(1))) > 0, 'the first cohort has contacts');
  assert.match(await cohorts.first().locator('td.heat').first().innerText(), /^[1-9]\d*%$/);
  await page.getByRole('table', { name: 'Engagement scores' }).locator('tbody tr a').first().waitFor();
  await page.getByRole('table', { name: 'Health scores' }).locator('tbody tr a').first().waitFor();
  await shot(page, 'demo-metrics');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Frameworks' }).click();
  await page.getByRole('heading', { name: 'AARRR (pirate metrics)' }).waitFor();
  await page.getByRole('img', { name: 'AARRR (pirate metrics) funnel' }).waitFor();
  await funnelNarrows(page, 5);
  // The journey map: a volume at some stage and touchpoint, and a reach in the first stage.
  const map = page.getByRole('table', { name: 'Journey map' });
  await map.locator('tbody tr').nth(1).waitFor();
  assert.ok((await numberIn(map.locator('tbody tr').first().locator('td.num').first())) > 0, 'the first stage is reached');
  const volumes = await map.locator('tbody tr:not(:first-child) td.num').allInnerTexts();
  assert.ok(volumes.some((v) => /[1-9]/.test(v)), 'some touchpoint has a volume');
  await shot(page, 'demo-frameworks');
  await page.getByRole('group', { name: 'Framework' }).getByRole('button', { name: 'LAER' }).click();
  await page.getByRole('table', { name: 'Funnel stages' }).getByText('Renew').waitFor();
  await funnelNarrows(page, 4);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journeys' }).click();
  await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
  const entered = await page.locator('table[aria-label="Journeys"] tbody tr td:nth-child(4)').allInnerTexts();
  assert.ok(entered.some((n) => /[1-9]/.test(n)), 'the shipped playbooks run on demo accounts');
  assert.deepEqual(pageErrors, []);
}

/** The funnel table has `stages` rows, the first reached by someone, each reached by no more than the one before. */
async function funnelNarrows(page: Page, stages: number): Promise<void> {
  await hasCount(page, 'table[aria-label="Funnel stages"] tbody tr', stages);
  const reached = await Promise.all((await page.locator('table[aria-label="Funnel stages"] tbody tr').all()).map((row) => numberIn(row.locator('td').nth(1))));
  assert.ok(reached[0]! > 0, `the first stage is reached: ${reached.join(', ')}`);
  for (let i = 1; i < reached.length; i++) assert.ok(reached[i]! <= reached[i - 1]!, `each stage is reached by no more than the one before: ${reached.join(', ')}`);
}

/** The number a cell shows, its thousands separators dropped. */
async function numberIn(locator: Locator): Promise<number> {
  const text = (await locator.innerText()).replace(/[,\s]/g, '');
  const value = Number(text);
  assert.ok(Number.isFinite(value), `not a number: ${text}`);
  return value;
}

/** The walk a new team member takes: log in, overview, engagement models, search accounts, one account, one of its people, log out. */
async function clickThrough(page: Page, url: string, storeFit: () => Promise<void>): Promise<void> {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await page.goto(url);
  await page.getByLabel('E-mail').fill(LOGIN.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('alert').filter({ hasText: 'Wrong e-mail or password' }).waitFor();
  await shot(page, 'login');
  await page.getByLabel('Password').fill(LOGIN.password);
  await page.getByRole('button', { name: 'Log in' }).click();

  await page.getByRole('heading', { name: 'Overview' }).waitFor();
  await hasText(page.getByTestId('total-accounts'), '2');
  await hasText(page.getByTestId('total-contacts'), '3');
  await hasText(page.getByTestId('total-events'), String(EVENTS));
  await hasText(page.getByTestId('total-revenue'), '$1,250');
  await page.locator('canvas').waitFor();
  await shot(page, 'overview');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Engagement models' }).click();
  const models = page.getByRole('table', { name: 'Engagement models' });
  await hasCount(page, 'table[aria-label="Engagement models"] tbody tr', MODELS.length);
  assert.deepEqual(await models.locator('tbody td:first-child').allInnerTexts(), MODELS);
  // Both accounts are assigned a model, so the totals row counts them.
  await hasText(models.locator('tfoot'), '$5,100');
  await shot(page, 'models');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
  await page.getByRole('table', { name: 'Accounts' }).getByText('Globex Corporation').waitFor();
  await page.getByRole('searchbox', { name: 'Search accounts' }).fill('acme');
  await page.waitForURL(/\/accounts\?q=acme$/);
  await hasCount(page, ACCOUNT_ROWS, 1);
  const row = page.locator(ACCOUNT_ROWS).first();
  await hasText(row, 'Acme Analytics');
  await hasText(row, '$4,200');
  await shot(page, 'accounts');
  // The search lives in the URL: a reload shows the same list.
  await page.reload();
  await hasCount(page, ACCOUNT_ROWS, 1);
  await hasText(page.locator(ACCOUNT_ROWS).first(), 'Acme Analytics');

  await page.getByRole('link', { name: /Acme Analytics/ }).click();
  await page.getByRole('heading', { name: /Acme Analytics/ }).waitFor();
  await hasText(page.getByTestId('account-mrr'), '$4,200');
  await hasText(page.getByTestId('account-arr'), '$50,400');
  await hasText(page.getByTestId('account-renewal'), 'Mar 1, 2027');
  // High touch: Casey owns it, as the account's data says, and its onboarding work is open.
  await hasText(page.getByTestId('account-owner'), 'Casey Morgan');
  await hasText(page.getByTestId('account-tasks'), 'Kickoff call with Acme Analytics');
  await hasText(page.getByTestId('model-history'), 'High touch');
  const contacts = page.getByRole('table', { name: 'Contacts' });
  await contacts.getByText('Ada Lovelace').waitFor();
  await contacts.getByText('Head of Engineering').waitFor();
  await contacts.getByText('Grace Hopper').waitFor();
  const entries = page.locator(ENTRIES);
  await hasCount(page, ENTRIES, 5);
  // Newest first, whatever the channel; people by name.
  await hasText(entries.nth(0), 'Order Completed');
  await hasText(entries.nth(0), '$1,250');
  await hasText(entries.nth(1), 'Meeting Held');
  await hasText(entries.nth(1), 'Outbound');
  await hasText(entries.nth(1), 'Ada Lovelace');
  await hasText(entries.nth(4), 'Email Opened');
  await page.getByRole('combobox', { name: 'Channel' }).selectOption('support_ticket');
  await hasCount(page, ENTRIES, 1);
  await hasText(entries.first(), 'Ticket Created');
  await entries.first().getByRole('button', { name: /Details/ }).click();
  await hasText(entries.first(), 'Export to CSV fails');
  await page.getByRole('table', { name: 'Engagement by type' }).getByText('Contextual').waitFor();
  await page.getByRole('table', { name: 'Health by measure' }).getByText('Support load').waitFor();
  await shot(page, 'account');

  await contacts.getByRole('link', { name: 'Ada Lovelace' }).click();
  await page.getByRole('heading', { name: 'Ada Lovelace' }).waitFor();
  await page.getByRole('complementary', { name: 'Contact details' }).getByRole('link', { name: /Acme Analytics/ }).waitFor();
  await hasCount(page, ENTRIES, 3);
  await hasText(entries.first(), 'Order Completed');
  const lifetimeValue = page.getByRole('region', { name: 'Predicted lifetime value' });
  await hasText(lifetimeValue, 'No lifetime-value fit yet');
  await lifetimeValue.getByRole('button', { name: 'Fit the models' }).click();
  await hasText(lifetimeValue, 'no repeat purchase');
  await storeFit();
  await page.reload();
  await hasText(lifetimeValue, 'Value, next 39 weeks');
  await hasText(lifetimeValue, 'Probability alive');
  await hasText(lifetimeValue, '100%');
  await shot(page, 'contact');

  await hasText(page.getByRole('region', { name: 'Framework stages' }), 'AARRR');
  await checkMetrics(page);
  await checkFrameworks(page);
  await buildSegment(page);
  await completeTask(page);
  await activateJourney(page);
  await checkDefinitions(page);

  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('button', { name: 'Log in' }).waitFor();
  assert.deepEqual(pageErrors, []);
}

/** Metrics: the KPI cards and their table, reviews by source, and the retention heatmap switched to monthly. */
async function checkMetrics(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Metrics' }).click();
  await page.getByRole('heading', { name: 'Metrics' }).waitFor();
  await page.getByRole('table', { name: 'Goal progress' }).getByText('60 new customers this month').waitFor();
  await page.getByRole('table', { name: 'Goal progress' }).getByRole('alert').first().waitFor();
  const kpis = page.getByRole('region', { name: 'KPIs' });
  await hasText(kpis, 'Net revenue retention');
  await page.getByRole('table', { name: 'KPIs by month' }).getByText('Conversion rate').waitFor();
  await hasText(page.getByRole('table', { name: 'Reviews by source' }), 'unknown');
  const retention = page.getByRole('region', { name: 'Retention cohorts' });
  await retention.getByRole('table', { name: 'Retention by cohort' }).getByText('Week 11').waitFor();
  await retention.getByRole('button', { name: 'Monthly' }).click();
  await retention.getByRole('table', { name: 'Retention by cohort' }).getByText('Month 11').waitFor();
  await page.getByRole('table', { name: 'Engagement scores' }).getByRole('link', { name: 'Acme Analytics' }).waitFor();
  await page.getByRole('table', { name: 'Health scores' }).getByRole('link', { name: 'Acme Analytics' }).waitFor();
  await shot(page, 'metrics');
}

/** Frameworks: AARRR's funnel as a chart and a table, then LAER's. */
async function checkFrameworks(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Frameworks' }).click();
  await page.getByRole('heading', { name: 'AARRR (pirate metrics)' }).waitFor();
  await page.getByRole('table', { name: 'Funnel stages' }).getByText('Acquisition').waitFor();
  await page.getByRole('img', { name: 'AARRR (pirate metrics) funnel' }).waitFor();
  await page.getByRole('table', { name: 'Journey map' }).getByText('Reached · drop-off').waitFor();
  await page.getByRole('group', { name: 'Framework' }).getByRole('button', { name: 'LAER' }).click();
  await page.getByRole('table', { name: 'Funnel stages' }).getByText('Renew').waitFor();
  await shot(page, 'frameworks');
}

/** Segments: build "enterprise accounts" with the form, watch the preview count follow, save it, find it in the list. */
async function buildSegment(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Segments' }).click();
  await page.getByRole('table', { name: 'Segments' }).getByText('Active enterprise accounts').waitFor();
  await shot(page, 'segments');
  await page.getByRole('link', { name: 'New segment' }).click();
  await page.getByRole('heading', { name: 'New segment' }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill('Enterprise accounts');
  assert.equal(await page.getByLabel('Id', { exact: true }).inputValue(), 'enterprise-accounts');
  // With no condition yet every account matches.
  const count = page.getByTestId('preview-count');
  await hasExactText(count, '2');
  await page.getByRole('combobox', { name: 'Add condition' }).selectOption('trait');
  // An empty trait name is refused by the server's schema, and the problem shows at the field.
  await hasText(page.locator('[data-path="condition.all.0.trait.name"]'), 'must not be empty');
  await page.getByLabel('Trait', { exact: true }).fill('plan');
  await page.getByLabel('Value', { exact: true }).fill('enterprise');
  await hasExactText(count, '1');
  await page.getByRole('list', { name: 'Sample members' }).getByText('Acme Analytics').waitFor();
  await shot(page, 'segment-builder');
  await page.getByRole('button', { name: 'Save segment' }).click();

  await page.waitForURL(/\/segments\/enterprise-accounts$/);
  await page.getByRole('heading', { name: /Enterprise accounts/ }).waitFor();
  await page.getByRole('list', { name: 'Members' }).getByRole('link', { name: /Acme Analytics/ }).waitFor();
  await hasText(page.getByRole('list', { name: 'Recent changes' }), 'Acme Analytics');
  await shot(page, 'segment');

  await page.getByRole('link', { name: 'Segments' }).first().click();
  const row = page.locator('table[aria-label="Segments"] tbody tr').filter({ hasText: /^Enterprise accounts/ });
  await hasText(row, 'Accounts');
  assert.equal(await row.locator('td.num').innerText(), '1');
}

/** Tasks: Casey finds the kickoff among their tasks, completes it with an outcome, and the account's timeline shows it. */
async function completeTask(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click();
  await page.getByRole('heading', { name: 'Tasks' }).waitFor();
  const kickoff = page.locator('[data-testid="task"][data-task-type="kickoff"]');
  await hasText(kickoff, 'Kickoff call with Acme Analytics');
  await hasText(page.getByRole('region', { name: 'Team load' }), 'Casey Morgan');
  await shot(page, 'tasks');
  await kickoff.getByRole('button', { name: 'Complete…' }).click();
  await kickoff.getByLabel('Outcome').fill('Goals agreed: CSV exports by March.');
  await kickoff.getByRole('button', { name: 'Mark done' }).click();
  await hasCount(page, '[data-testid="task"][data-task-type="kickoff"]', 0);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
  await page.getByRole('link', { name: /Acme Analytics/ }).click();
  await hasText(page.locator(ENTRIES).first(), 'Task done: Kickoff call with Acme Analytics');
  await shot(page, 'account-after-task');
}

/** Journeys: the shipped playbooks are listed paused; one is opened, its steps drawn with their counts, and activated. */
async function activateJourney(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journeys' }).click();
  await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
  const row = page.locator('table[aria-label="Journeys"] tbody tr').filter({ hasText: /^Low-touch onboarding/ });
  await hasText(row, 'Paused');
  await hasText(row, 'moves to low-touch');
  await row.getByRole('link').click();
  await page.getByRole('heading', { name: /Low-touch onboarding/ }).waitFor();
  const steps = page.getByRole('list', { name: 'Steps' });
  await hasCount(page, '.journey-step', 7);
  await hasText(steps.locator('[data-step="welcome"]'), 'e-mail welcome');
  await hasText(steps.locator('[data-step="wait-2-days"]'), 'wait 2 d');
  assert.equal(await steps.locator('[data-step="welcome"] [data-count="entered"]').innerText(), '0');
  // Drawn as a graph: each step below the one before it, an arrow between them.
  await hasCount(page, '.journey-edges [data-edge]', 6);
  const top = async (id: string) => (await steps.locator(`[data-step="${id}"]`).boundingBox())!.y;
  assert.ok((await top('welcome')) < (await top('wait-2-days')));
  // Its definition edited in place: a template that does not exist is marked at its line while typing.
  await page.getByRole('button', { name: 'Edit definition' }).click();
  const journeyYaml = page.getByRole('textbox', { name: 'Journey as YAML' });
  await journeyYaml.fill((await journeyYaml.inputValue()).replace('template: welcome', 'template: welcom'));
  await hasText(page.getByRole('alert', { name: 'Problems' }), 'email.template');
  await hasCount(page, '.yaml-spec-line.has-problem', 1);
  await shot(page, 'journey-editor');
  await page.getByRole('button', { name: 'Revert' }).click();
  await hasCount(page, '.yaml-spec-line.has-problem', 0);
  await page.getByRole('button', { name: 'Activate' }).click();
  await page.getByRole('button', { name: 'Pause' }).waitFor();
  await hasText(page.getByRole('heading', { name: /Low-touch onboarding/ }), 'Active');
  await shot(page, 'journey');
  // The welcome e-mail's template, previewed in Norwegian.
  await steps.locator('[data-step="welcome"]').getByRole('link', { name: 'welcome' }).click();
  await page.getByRole('heading', { name: /^Welcome/, level: 1 }).waitFor();
  await page.getByRole('group', { name: 'Locale' }).getByRole('button', { name: 'nb' }).click();
  await page.locator('[data-testid="template-preview"][data-locale="nb"]').waitFor();
  await hasText(page.getByTestId('preview-subject'), 'Velkommen');
  // A test send of what is shown: without SMTP it lands in the outbox.
  await page.getByRole('textbox', { name: 'Send a test to' }).fill('me@example.com');
  await page.getByRole('button', { name: 'Send test' }).click();
  await hasText(page.getByTestId('test-send-result'), 'Sent “[Test] Velkommen');
  // The template edited in place: an unknown variable is refused at its line; a fix is saved and previewed.
  await page.getByRole('button', { name: 'Edit template' }).click();
  const templateYaml = page.getByRole('textbox', { name: 'Template as YAML' });
  await page.waitForFunction(() => (document.querySelector('textarea[aria-label="Template as YAML"]') as HTMLTextAreaElement | null)?.value.includes('Velkommen,') ?? false);
  const original = await templateYaml.inputValue();
  await templateYaml.fill(original.replace('Velkommen,', 'Velkommen {{ contact.nickname }},'));
  await hasText(page.getByRole('alert', { name: 'Problems' }), 'contact.nickname is not a variable');
  const marked = page.locator('.yaml-spec-line.has-problem');
  await hasCount(page, '.yaml-spec-line.has-problem', 1);
  const line = Number(await marked.getAttribute('data-line'));
  assert.match(original.split('\n')[line - 1]!, /Velkommen,/);
  await templateYaml.fill(original.replace('Velkommen,', 'Hjertelig velkommen,'));
  await hasText(page.getByTestId('editor-status'), 'Valid');
  await page.getByRole('button', { name: 'Save' }).click();
  await hasText(page.getByTestId('editor-status'), 'Saved');
  await hasText(page.getByTestId('preview-subject'), 'Hjertelig velkommen');
  await shot(page, 'template');
}

/** Definitions: an escalation rule edited as YAML is checked by the schema, and the problem is named by line and path. */
async function checkDefinitions(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Definitions' }).click();
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('EscalationRule');
  const editor = page.getByRole('textbox', { name: 'Definitions as YAML' });
  await page.waitForFunction(() => (document.querySelector('textarea[aria-label="Definitions as YAML"]') as HTMLTextAreaElement | null)?.value.includes('usage-collapse') ?? false);
  await editor.fill((await editor.inputValue()).replace('to: high-touch', 'to: concierge'));
  await page.getByRole('button', { name: 'Validate' }).click();
  await hasText(page.getByRole('alert'), 'documents.0.spec.to');
  await shot(page, 'definitions');
}

/** The published CDNOW fit, calibration through today, 39 weeks ahead. */
function cdnowFit(now: number): LifetimeValueFit {
  return {
    settings: { purchaseEvent: 'Order Completed', calibrationEnd: now - (now % (24 * HOUR)), horizonWeeks: 39, annualDiscountRate: 0, margin: 1 },
    models: { customers: 2357, repeatCustomers: 946, bgNbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, logLikelihood: -9582.4 }, gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44, logLikelihood: -4055.9 } },
    fittedAt: now,
  };
}

/** Two accounts, three people, seven interactions on five channels over the last days. */
function messages(now: number): object[] {
  const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR).toISOString();
  const acme = { groupId: 'acme-analytics' };
  return [
    { type: 'identify', userId: 'ada', traits: { name: 'Ada Lovelace', email: 'ada@acme.example', title: 'Head of Engineering' }, timestamp: at(147) },
    { type: 'identify', userId: 'grace', traits: { name: 'Grace Hopper', email: 'grace@acme.example', title: 'CTO' }, timestamp: at(147) },
    { type: 'identify', userId: 'hank', traits: { name: 'Hank Scorpio', email: 'hank@globex.example', title: 'CEO' }, timestamp: at(147) },
    {
      type: 'group',
      userId: 'ada',
      groupId: 'acme-analytics',
      traits: { name: 'Acme Analytics', plan: 'enterprise', mrr: 4200, industry: 'Software', employees: 240, complexity: 'high', renewalDate: '2027-03-01', owner: 'casey@touchpoint.example' },
      timestamp: at(146),
    },
    { type: 'group', userId: 'grace', groupId: 'acme-analytics', traits: {}, timestamp: at(146) },
    { type: 'group', userId: 'hank', groupId: 'globex', traits: { name: 'Globex Corporation', plan: 'growth', mrr: 900, industry: 'Energy', complexity: 'low' }, timestamp: at(146) },
    { type: 'track', userId: 'ada', event: 'Email Opened', properties: { subject: 'Your quarterly review' }, context: acme, timestamp: at(118) },
    { type: 'track', userId: 'grace', event: 'Ticket Created', properties: { subject: 'Export to CSV fails', priority: 'high' }, context: acme, timestamp: at(97) },
    { type: 'track', userId: 'grace', event: 'Live Chat Conversation Started', context: acme, timestamp: at(68) },
    { type: 'track', userId: 'ada', event: 'Meeting Held', properties: { topic: 'Renewal planning' }, context: acme, timestamp: at(45) },
    { type: 'track', userId: 'ada', event: 'Order Completed', properties: { revenue: 1250, orderId: 'A-1001' }, context: acme, timestamp: at(24) },
    { type: 'track', userId: 'hank', event: 'Signed In', context: { groupId: 'globex' }, timestamp: at(28) },
    { type: 'track', userId: 'hank', event: 'Product Reviewed', properties: { rating: 5 }, context: { groupId: 'globex' }, timestamp: at(1) },
  ];
}

/** Waits until `locator` contains `text`. */
async function hasText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
}

/** Waits until `locator`'s whole text is `text`. */
async function hasExactText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: new RegExp(`^${text}$`) }).first().waitFor();
}

/** Waits until exactly `count` elements match `selector` (a list may still be loading). */
async function hasCount(page: Page, selector: string, count: number): Promise<void> {
  await page.waitForFunction(([s, n]) => document.querySelectorAll(s).length === n, [selector, count] as const);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `dashboard-${name}.png`), fullPage: true });
}
