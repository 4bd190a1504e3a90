import { readFileSync } from 'node:fs';
import type { Purchase } from '../../src/core/clv/purchase-summary.js';

/** The CDNOW sample (test/fixtures/clv/README.md): customer, YYYYMMDD date, CDs, dollars. */
export const CDNOW_FILE = 'test/fixtures/clv/cdnow_sample.txt';

/** How `touchpoint import` reads the sample as "Order Completed" events. */
export const CDNOW_IMPORT = { type: 'events', format: 'text', columns: ['-', 'userId', 'timestamp', 'properties.quantity', 'properties.revenue'], event: 'Order Completed' } as const;

/** The sample's purchases, read straight from the file: the reference the store's reads are checked against. */
export function cdnowPurchases(): Purchase[] {
  return readFileSync(CDNOW_FILE, 'utf8').trim().split('\n').map((line) => {
    const [, customerId, date, , value] = line.trim().split(/\s+/);
    return { customerId: customerId!, at: Date.UTC(Number(date!.slice(0, 4)), Number(date!.slice(4, 6)) - 1, Number(date!.slice(6, 8))), value: Number(value) };
  });
}

/** The published fits (Fader, Hardie and Lee 2005), calibration through 1997-09-30. */
export const CDNOW_PUBLISHED = { r: 0.243, alpha: 4.41, a: 0.793, b: 2.43, p: 6.25, q: 3.74, gamma: 15.4 };

export const threeDigits = (value: number) => Number(value.toPrecision(3));
