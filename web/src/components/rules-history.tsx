import type { DefinitionAuditEntry } from '../api-client';
import { formatDateTime } from '../format';
import { Empty } from './page-states';

/** Every change of the assignment rules made through the dashboard or the API: what it did, who, when. */
export function RulesHistory({ items }: { items: DefinitionAuditEntry[] }) {
  if (items.length === 0) return <Empty title="The rules have not been changed here yet" />;
  return (
    <ul className="rules-history" aria-label="Changes of the assignment rules">
      {items.map((item) => (
        <li key={item.id}>
          <div>{item.summary}</div>
          <div className="muted small">
            {item.changedBy} · {formatDateTime(item.changedAt)}
          </div>
        </li>
      ))}
    </ul>
  );
}
