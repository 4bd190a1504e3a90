import { useEffect, useState } from 'react';
import { Icon } from './icon';

/** A search box that reports what was typed once the typing pauses, not on every key. */
export function SearchInput({ value, onSearch, placeholder, label }: { value: string; onSearch: (value: string) => void; placeholder: string; label: string }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = window.setTimeout(() => onSearch(text), 250);
    return () => window.clearTimeout(timer);
  }, [text, value, onSearch]);
  return (
    <label className="search">
      <Icon name="search" className="search-icon" />
      <input type="search" aria-label={label} placeholder={placeholder} value={text} onChange={(e) => setText(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && onSearch(text)} />
      {text && (
        <button type="button" className="search-clear" aria-label="Clear search" onClick={() => {
            setText('');
            onSearch('');
          }}>
          <Icon name="close" size={14} />
        </button>
      )}
    </label>
  );
}
