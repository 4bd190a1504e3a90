import type { RulesWhatIf } from '../api-client';
import { formatInteger } from '../format';

/**
 * Accounts from each model now (rows) to each model under the draft (columns). The diagonal
 * is the accounts that stay; "No model yet" is accounts never assigned.
 */
export function MoveMatrix({ matrix, modelIds, modelName }: { matrix: RulesWhatIf['matrix']; modelIds: readonly string[]; modelName: (id: string) => string }) {
  const rank = (id: string | null) => (id === null ? -1 : modelIds.includes(id) ? modelIds.indexOf(id) : modelIds.length);
  const byRank = (a: string | null, b: string | null) => rank(a) - rank(b) || String(a).localeCompare(String(b));
  const froms = [...new Set(matrix.map((m) => m.from))].sort(byRank);
  const tos = [...new Set(matrix.map((m) => m.to))].sort(byRank);
  const count = (from: string | null, to: string) => matrix.find((m) => m.from === from && m.to === to)?.count ?? 0;
  return (
    <div className="table-scroll">
      <table className="table move-matrix" aria-label="Accounts moving from model to model">
        <thead>
          <tr>
            <th>From \ to</th>
            {tos.map((to) => (
              <th key={to} className="num">
                {modelName(to)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {froms.map((from) => (
            <tr key={from ?? ''}>
              <td>{from === null ? <span className="muted">No model yet</span> : modelName(from)}</td>
              {tos.map((to) => {
                const n = count(from, to);
                const stays = from === to;
                return (
                  <td key={to} className={stays ? 'num muted' : n > 0 ? 'num strong move-cell' : 'num muted'} title={stays ? 'stay' : undefined}>
                    {n > 0 ? formatInteger(n) : '·'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
