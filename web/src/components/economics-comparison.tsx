import type { RulesWhatIf } from '../api-client';
import { formatCurrency, formatInteger, formatPercent } from '../format';

type Totals = RulesWhatIf['after']['total'];

/** Each model's monthly economics now and under the draft, side by side, with the totals. */
export function EconomicsComparison({ before, after, modelName }: { before: RulesWhatIf['before']; after: RulesWhatIf['after']; modelName: (id: string) => string }) {
  const beforeOf = (id: string) => before.models.find((m) => m.modelId === id)?.economics;
  return (
    <div className="table-scroll">
      <table className="table economics-comparison" aria-label="Monthly economics before and after">
        <thead>
          <tr>
            <th>Model</th>
            <th className="num">Accounts</th>
            <th className="num">MRR</th>
            <th className="num">Cost to serve</th>
            <th className="num">Margin</th>
            <th className="num">Cost share</th>
          </tr>
        </thead>
        <tbody>
          {after.models.map(({ modelId, economics }) => (
            <Row key={modelId} label={modelName(modelId)} before={beforeOf(modelId)} after={economics} />
          ))}
        </tbody>
        <tfoot>
          <Row label="Total" before={before.total} after={after.total} />
        </tfoot>
      </table>
    </div>
  );
}

function Row({ label, before, after }: { label: string; before: Totals | undefined; after: Totals }) {
  const share = (t: Totals | undefined) => (t?.costShare === null || t?.costShare === undefined ? '—' : formatPercent(t.costShare));
  return (
    <tr>
      <td>{label}</td>
      <Change before={formatInteger(before?.accounts ?? 0)} after={formatInteger(after.accounts)} />
      <Change before={formatCurrency(before?.revenue ?? 0)} after={formatCurrency(after.revenue)} />
      <Change before={formatCurrency(before?.cost ?? 0)} after={formatCurrency(after.cost)} />
      <Change before={formatCurrency(before?.margin ?? 0)} after={formatCurrency(after.margin)} negative={after.margin < 0} />
      <Change before={share(before)} after={share(after)} />
    </tr>
  );
}

/** "before → after" when the figure changes, else the figure alone. */
function Change({ before, after, negative = false }: { before: string; after: string; negative?: boolean }) {
  return (
    <td className={negative ? 'num negative' : 'num'}>
      {before === after ? (
        after
      ) : (
        <>
          <span className="muted">{before}</span> <span className="muted">→</span> <span className="strong">{after}</span>
        </>
      )}
    </td>
  );
}
