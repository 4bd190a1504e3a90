import type { ReactNode } from 'react';
import { formatValue, humanize } from '../format';

/** Label/value rows for a details panel. */
export function PropertyList({ rows }: { rows: [label: string, value: ReactNode][] }) {
  return (
    <dl className="property-list">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value === null || value === undefined || value === '' ? <span className="muted">—</span> : value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The traits a customer's own system sent, except those the page already shows. */
export function TraitList({ traits, shown }: { traits: Record<string, unknown>; shown: readonly string[] }) {
  const rows = Object.entries(traits)
    .filter(([key]) => !shown.includes(key))
    .map(([key, value]): [string, ReactNode] => [humanize(key), formatValue(value)]);
  if (rows.length === 0) return <p className="muted small">No other traits.</p>;
  return <PropertyList rows={rows} />;
}
