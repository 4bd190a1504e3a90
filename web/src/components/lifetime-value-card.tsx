import { useState } from 'react';
import { createLifetimeValueApi, type ContactLifetimeValue } from '../api-client';
import { useApiPart } from '../api-context';
import { formatDay, formatInteger, formatPercent, formatPreciseCurrency } from '../format';
import { useResource } from '../use-resource';
import { Failure, Loading } from './page-states';
import { PropertyList } from './property-list';

/**
 * A contact's predicted lifetime value under the workspace's latest fit: what they are worth
 * over the horizon, how likely they are still a customer, and what the models rest on.
 */
export function LifetimeValueCard({ userId }: { userId: string }) {
  const lifetimeValue = useApiPart(createLifetimeValueApi);
  const [fits, setFits] = useState(0);
  const [fitting, setFitting] = useState<string | null>(null);
  const figures = useResource(() => lifetimeValue.ofContact(userId), `${userId}-${fits}`);
  const fitNow = async () => {
    setFitting('Fitting…');
    try {
      await lifetimeValue.fit();
      setFitting(null);
      setFits((n) => n + 1);
    } catch (error) {
      setFitting(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <section className="card" aria-label="Predicted lifetime value">
      <h2 className="card-title">Predicted lifetime value</h2>
      {figures.status === 'loading' && <Loading />}
      {figures.status === 'error' && <Failure error={figures.error} onRetry={figures.reload} />}
      {figures.status === 'ready' && <Figures figures={figures.data} />}
      {figures.status === 'ready' && (
        <p className="muted small">
          <button type="button" className="button button-ghost" onClick={() => void fitNow()} disabled={fitting === 'Fitting…'}>
            {figures.data.fit ? 'Refit on purchases through today' : 'Fit the models'}
          </button>{' '}
          {fitting}
        </p>
      )}
    </section>
  );
}

function Figures({ figures: { fit, customer } }: { figures: ContactLifetimeValue }) {
  if (!fit) return <p className="muted small">No lifetime-value fit yet. Fit the models here, or run <code>touchpoint clv</code>.</p>;
  const basis = `BG/NBD and Gamma-Gamma on “${fit.purchaseEvent}” through ${formatDay(Date.parse(fit.calibrationEnd))}, ${formatInteger(fit.customersFitted)} customers`;
  if (!customer) return <p className="muted small">No purchase by {formatDay(Date.parse(fit.calibrationEnd))}. {basis}.</p>;
  return (
    <>
      <PropertyList
        rows={[
          [`Value, next ${fit.horizonWeeks} weeks`, <strong key="clv">{formatPreciseCurrency(customer.clv)}</strong>],
          ['Probability alive', formatPercent(customer.probabilityAlive)],
          ['Expected purchases', customer.expectedPurchases.toFixed(2)],
          ['Expected purchase value', formatPreciseCurrency(customer.expectedAverageValue)],
          ['Repeat purchases', formatInteger(customer.frequency)],
          ['Weeks first to last', customer.recency.toFixed(1)],
          ['Weeks as a customer', customer.T.toFixed(1)],
        ]}
      />
      <p className="muted small">{basis}{fit.margin < 1 ? `, at a margin of ${formatPercent(fit.margin)}` : ''}{fit.annualDiscountRate > 0 ? `, discounted at ${formatPercent(fit.annualDiscountRate)} a year` : ''}.</p>
    </>
  );
}
