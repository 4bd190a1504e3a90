import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { predictLifetimeValues } from '../../../src/core/clv/predict-lifetime-values.js';
import type { EngineContext } from '../../../src/engine/context.js';
import { importFile } from '../../../src/engine/import/import-file.js';
import { contactLifetimeValue, fitLifetimeValue } from '../../../src/engine/metrics/lifetime-value.js';
import type { Store } from '../../../src/store/store.js';
import { CDNOW_FILE, CDNOW_IMPORT, CDNOW_PUBLISHED, cdnowPurchases, threeDigits } from '../../support/cdnow.js';
import { testContext } from '../../support/context.js';
import { DATABASES, newWorkspaceId, openTestStore } from '../../support/databases.js';
import { messages, newId } from '../../support/messages.js';

const SETTINGS = { purchaseEvent: 'Order Completed', calibrationEnd: Date.UTC(1997, 8, 30, 15), horizonWeeks: 39, annualDiscountRate: 0.1, margin: 0.3 };

for (const database of DATABASES) {
  describe(`lifetime value from stored purchases (${database.name})`, () => {
    let store: Store;
    let context: EngineContext;
    const ws = newWorkspaceId();
    before(async () => {
      store = await openTestStore(database);
      context = testContext(store);
      await importFile(context, ws, { path: CDNOW_FILE, ...CDNOW_IMPORT, columns: [...CDNOW_IMPORT.columns] });
    });
    after(() => store.close());

    test('the CDNOW sample imported as orders fits the published parameters, and every row equals the reference computed from the file', async () => {
      const table = await fitLifetimeValue(context, ws, SETTINGS);
      const { bgNbd, gammaGamma } = table.fit.models;
      assert.deepEqual([bgNbd.r, bgNbd.alpha, bgNbd.a, bgNbd.b, gammaGamma.p, gammaGamma.q, gammaGamma.gamma].map(threeDigits), Object.values(CDNOW_PUBLISHED));
      assert.equal(table.fit.settings.calibrationEnd, Date.UTC(1997, 8, 30), 'the calibration end is its day');
      const reference = await predictLifetimeValues(cdnowPurchases(), SETTINGS);
      const byId = new Map(table.customers.map((row) => [row.id, row]));
      assert.equal(byId.size, reference.customers.length);
      for (const expected of reference.customers) {
        const row = byId.get(expected.customerId)!;
        assert.deepEqual([row.frequency, row.recency, row.T], [expected.frequency, expected.recency, expected.age], expected.customerId);
        for (const [got, want] of [[row.probabilityAlive, expected.probabilityAlive], [row.expectedPurchases, expected.expectedPurchases], [row.expectedAverageValue, expected.expectedAverageValue], [row.clv, expected.lifetimeValue]] as const) {
          assert.ok(Math.abs(got - want) <= 1e-6 * Math.max(1, Math.abs(want)), `${expected.customerId}: ${got} vs ${want}`);
        }
      }
    });

    test("a contact's figures come from the workspace's latest fit and equal its row", async () => {
      const table = await fitLifetimeValue(context, ws, SETTINGS);
      const first = table.customers.find((row) => row.id === '0001')!;
      assert.deepEqual([first.frequency, first.recency.toFixed(2), first.T.toFixed(2)], [2, '30.43', '38.86']);
      const latest = await store.lifetimeValueFits.latest(ws);
      assert.deepEqual(latest, table.fit);
      const { fit, customer } = await contactLifetimeValue(context, ws, first.contactId);
      assert.deepEqual(fit, table.fit);
      assert.deepEqual(customer, first);
      const nobody = await contactLifetimeValue(context, newWorkspaceId(), first.contactId);
      assert.deepEqual(nobody, { fit: null, customer: null });
    });

    test('only the purchase event counts, up to the end of calibration; a fit without purchases is refused naming calibrationEnd', async () => {
      const other = newWorkspaceId();
      const at = (day: number) => new Date(Date.UTC(2026, 0, day, 10)).toISOString();
      const track = (userId: string, event: string, day: number, revenue?: number) => ({ type: 'track', userId, event, timestamp: at(day), messageId: `${userId}-${event}-${day}`, properties: revenue === undefined ? {} : { revenue } });
      await store.writeMessages(other, messages([track('ann', 'Order Completed', 1, 10), track('ann', 'Order Completed', 5), track('ann', 'Checkout Started', 6, 99), track('ann', 'Order Completed', 20, 50)]), newId);
      const purchases = await store.purchases.all(other, 'Order Completed', Date.UTC(2026, 0, 10));
      assert.deepEqual(purchases.map((p) => [new Date(p.at).getUTCDate(), p.value]), [[1, 10], [5, 0]], 'a purchase without revenue is worth 0; later ones and other events are left out');
      await assert.rejects(fitLifetimeValue(context, other, { ...SETTINGS, calibrationEnd: Date.UTC(2025, 0, 1) }), (error: { code: string; issues: { path: string }[] }) => {
        assert.equal(error.code, 'validation');
        assert.deepEqual(error.issues.map((i) => i.path), ['calibrationEnd']);
        return true;
      });
    });
  });
}
