import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { expectedPurchases, fitBgNbd, probabilityAlive } from '../../../src/core/clv/bg-nbd.js';
import { expectedAverageValue, fitGammaGamma } from '../../../src/core/clv/gamma-gamma.js';
import { summarizePurchases } from '../../../src/core/clv/purchase-summary.js';
import { cdnowPurchases, threeDigits } from '../../support/cdnow.js';

describe('predictive lifetime value on the CDNOW sample', () => {
  const customers = summarizePurchases(cdnowPurchases(), Date.UTC(1997, 8, 30));

  test('the calibration summary has every customer, 946 of them with a repeat purchase', () => {
    assert.equal(customers.length, 2357);
    assert.equal(customers.filter((c) => c.frequency > 0).length, 946);
    const first = customers.find((c) => c.customerId === '0001')!;
    // Bought on 1 January, 18 January and 2 August 1997 (and in December, after calibration).
    assert.deepEqual([first.frequency, first.recency.toFixed(2), first.age.toFixed(2), first.averageValue], [2, '30.43', '38.86', (29.73 + 14.96) / 2]);
  });

  test('BG/NBD fits the published parameters to three significant digits', async () => {
    const { parameters, logLikelihood } = await fitBgNbd(customers);
    assert.deepEqual([parameters.r, parameters.alpha, parameters.a, parameters.b].map(threeDigits), [0.243, 4.41, 0.793, 2.43]);
    assert.equal(Number(parameters.alpha.toFixed(3)), 4.414);
    assert.equal(Number(parameters.b.toFixed(3)), 2.426);
    assert.equal(Number(logLikelihood.toFixed(1)), -9582.4);
  });

  test('BG/NBD predicts the paper’s worked example, customer 0001: 1.226 purchases in 39 weeks for x = 2, t_x = 30.43, T = 38.86', () => {
    const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const customer = { frequency: 2, recency: 30.43, age: 38.86 };
    assert.equal(Number(expectedPurchases(published, customer, 39).toFixed(3)), 1.226);
    assert.equal(expectedPurchases(published, customer, 0), 0);
    const alive = probabilityAlive(published, customer);
    assert.ok(alive > 0 && alive < 1);
    assert.ok(probabilityAlive(published, { ...customer, recency: 38.86 }) > alive, 'a more recent last purchase makes the customer more likely alive');
    assert.equal(probabilityAlive(published, { frequency: 0, recency: 0, age: 38.86 }), 1);
  });

  test('Gamma-Gamma fits the published parameters to three significant digits', async () => {
    const { parameters } = await fitGammaGamma(customers);
    assert.deepEqual([parameters.p, parameters.q, parameters.gamma].map(threeDigits), [6.25, 3.74, 15.4]);
    assert.equal(Number(parameters.gamma.toFixed(2)), 15.44);
    const mean = (parameters.p * parameters.gamma) / (parameters.q - 1);
    assert.ok(Math.abs(expectedAverageValue(parameters, { frequency: 0, averageValue: 0 }) - mean) < 1e-9, 'without repeat purchases, the population mean');
  });
});
