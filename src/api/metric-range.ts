import type { Context } from 'hono';
import { validationError } from '../core/errors.js';
import { INTERVALS, nextPeriod, periodBoundaries, periodStart, type Interval } from '../core/metrics/periods.js';
import type { MetricRange } from '../engine/metrics/period-metrics.js';
import { dateParam, enumParam, intParam } from './query-params.js';

/** Most periods one request counts: five years of weeks. */
const MAX_PERIODS = 260;

/**
 * `interval`, then `from` and `to` (ISO dates), or `periods` ending with the current one (12 by
 * default), and the audience filters `segment` and `model`.
 */
export function metricRange(c: Context, now: number, fallback: Interval): MetricRange {
  const interval = enumParam(c, 'interval', INTERVALS) ?? fallback;
  const to = dateParam(c, 'to') ?? nextPeriod(periodStart(now, interval), interval);
  let from = dateParam(c, 'from');
  if (from === undefined) {
    from = periodStart(to - 1, interval);
    for (let n = intParam(c, 'periods', { min: 1, max: MAX_PERIODS, fallback: 12 }); n > 1; n--) from = periodStart(from - 1, interval);
  }
  if (from >= to) throw validationError('invalid range', [{ path: 'from', message: 'must be before to' }]);
  if (periodBoundaries(from, to, interval).length - 1 > MAX_PERIODS) throw validationError('range too long', [{ path: 'from', message: `must leave at most ${MAX_PERIODS} periods of a ${interval} before to` }]);
  const segment = c.req.query('segment') || undefined;
  const model = c.req.query('model') || undefined;
  return { from, to, interval, audience: { ...(segment ? { segment } : {}), ...(model ? { model } : {}) } };
}
