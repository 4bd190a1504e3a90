import { useState, type ReactNode } from 'react';

/** A card holding a definition's editor, closed until asked for: `children` is only made when it opens. */
export function EditorSection({ label, openLabel, children }: { label: string; openLabel: string; children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <section className="card" aria-label={label}>
      <div className="card-header">
        <h2>Definition</h2>
        <button type="button" className="button button-ghost" aria-expanded={open} onClick={() => setOpen((was) => !was)}>
          {open ? 'Close editor' : openLabel}
        </button>
      </div>
      {open && children()}
    </section>
  );
}
