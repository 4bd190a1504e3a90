import type { ReactNode } from 'react';
import { Icon } from './icon';

/** A column header that sorts the table; shows the direction when it is the active sort. */
export function SortHeader({ children, active, order, onSort, align }: { children: ReactNode; active: boolean; order: 'asc' | 'desc'; onSort: () => void; align?: 'right' }) {
  return (
    <th className={align === 'right' ? 'num' : undefined} aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className={active ? 'sort active' : 'sort'} onClick={onSort}>
        {children}
        <Icon name={active && order === 'asc' ? 'arrowUp' : 'arrowDown'} size={12} className="sort-icon" />
      </button>
    </th>
  );
}
