import { Option, type Command } from 'commander';
import { systemClock } from '../engine/system-context.js';
import { DEFAULT_LIFETIME_VALUE_SETTINGS } from '../core/clv/lifetime-value-input.js';
import { fitSummary } from '../core/clv/lifetime-value-report.js';
import { fitLifetimeValue, type LifetimeValueTable } from '../engine/metrics/lifetime-value.js';
import { DEFAULT_WORKSPACE_ID } from '../store/workspaces.js';
import { fraction, isoDate, nonNegative, positive } from './option-parsers.js';
import { openContext, type GlobalOptions } from './wiring.js';

interface ClvOptions {
  calibrationEnd?: number;
  horizonWeeks: number;
  event: string;
  discountRate: number;
  margin: number;
  customers?: boolean;
  json?: boolean;
}

/** `touchpoint clv`: predictive lifetime value. */
export function registerMetricCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('clv')
    .description('fit the lifetime-value models (BG/NBD for purchases, Gamma-Gamma for their value) on purchases through a calibration end, print their parameters and, with --customers, every customer’s figures; the fit becomes the one contact pages show')
    .addOption(new Option('--calibration-end <date>', 'the last day (UTC) of purchases to fit on (default: today)').argParser(isoDate))
    .addOption(new Option('--horizon-weeks <n>', 'how many weeks ahead to predict').default(DEFAULT_LIFETIME_VALUE_SETTINGS.horizonWeeks).argParser(positive))
    .addOption(new Option('--event <name>', 'the track event that is a purchase; its revenue is the value').default(DEFAULT_LIFETIME_VALUE_SETTINGS.purchaseEvent))
    .addOption(new Option('--discount-rate <rate>', 'yearly discount rate of future revenue, e.g. 0.1').default(DEFAULT_LIFETIME_VALUE_SETTINGS.annualDiscountRate).argParser(nonNegative))
    .addOption(new Option('--margin <share>', 'the share of revenue that is profit, 0 to 1').default(DEFAULT_LIFETIME_VALUE_SETTINGS.margin).argParser(fraction))
    .option('--customers', 'also print every customer: id, frequency, recency, T, probability alive, expected purchases, expected average value, CLV')
    .option('--json', 'print JSON')
    .action(async (options: ClvOptions) => {
      const context = await openContext(globals());
      try {
        const table = await fitLifetimeValue(context, DEFAULT_WORKSPACE_ID, {
          purchaseEvent: options.event,
          calibrationEnd: options.calibrationEnd ?? systemClock.now(),
          horizonWeeks: options.horizonWeeks,
          annualDiscountRate: options.discountRate,
          margin: options.margin,
        });
        if (options.json) console.log(JSON.stringify({ ...fitSummary(table.fit), ...(options.customers ? { customers: table.customers } : {}) }, null, 2));
        else for (const line of describeLifetimeValue(table, options.customers ?? false)) console.log(line);
      } finally {
        await context.store.close();
      }
    });
}

function describeLifetimeValue({ fit, customers }: LifetimeValueTable, withCustomers: boolean): string[] {
  const s = fitSummary(fit);
  const n = (value: number, digits = 4) => Number(value.toPrecision(digits)).toLocaleString('en-US', { maximumFractionDigits: 6 });
  const total = (pick: (row: (typeof customers)[number]) => number) => customers.reduce((sum, row) => sum + pick(row), 0);
  const lines = [
    `purchases of "${s.purchaseEvent}" through ${s.calibrationEnd}: ${s.customersFitted.toLocaleString('en-US')} customers, ${s.repeatCustomers.toLocaleString('en-US')} of them bought again`,
    `BG/NBD       r ${n(s.bgNbd.r)}  alpha ${n(s.bgNbd.alpha)}  a ${n(s.bgNbd.a)}  b ${n(s.bgNbd.b)}  (log-likelihood ${n(s.bgNbd.logLikelihood, 7)})`,
    `Gamma-Gamma  p ${n(s.gammaGamma.p)}  q ${n(s.gammaGamma.q)}  gamma ${n(s.gammaGamma.gamma)}  (log-likelihood ${n(s.gammaGamma.logLikelihood, 7)})`,
    `over ${s.horizonWeeks} weeks: ${n(total((r) => r.expectedPurchases), 6)} purchases expected, lifetime value ${n(total((r) => r.clv), 7)} (margin ${s.margin}, discounted at ${s.annualDiscountRate} a year)`,
  ];
  if (!withCustomers) return lines;
  const header = ['id', 'frequency', 'recency', 'T', 'p_alive', 'purchases', 'avg_value', 'clv'];
  const rows = customers.map((r) => [r.id, String(r.frequency), r.recency.toFixed(2), r.T.toFixed(2), r.probabilityAlive.toFixed(4), r.expectedPurchases.toFixed(4), r.expectedAverageValue.toFixed(2), r.clv.toFixed(2)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const format = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [...lines, '', format(header), ...rows.map(format)];
}
