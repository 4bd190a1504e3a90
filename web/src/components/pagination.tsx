import { formatInteger } from '../format';
import { Icon } from './icon';

/** "1–50 of 200" with previous and next; offsets in, offsets out. */
export function Pagination({ offset, limit, total, onOffset }: { offset: number; limit: number; total: number; onOffset: (offset: number) => void }) {
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  return (
    <div className="pagination">
      <span className="muted">
        {formatInteger(first)}–{formatInteger(last)} of {formatInteger(total)}
      </span>
      <div className="pagination-buttons">
        <button type="button" className="button button-icon" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))} aria-label="Previous page">
          <Icon name="chevronLeft" />
        </button>
        <button type="button" className="button button-icon" disabled={last >= total} onClick={() => onOffset(offset + limit)} aria-label="Next page">
          <Icon name="chevronRight" />
        </button>
      </div>
    </div>
  );
}
