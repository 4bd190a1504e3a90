/** A filter as a native select: "All <things>" or one value; a chosen filter is highlighted. */
export function FilterSelect({ label, allLabel, options, value, onChange, format = (v) => v }: { label: string; allLabel: string; options: string[]; value: string | undefined; onChange: (value: string | undefined) => void; format?: (value: string) => string }) {
  return (
    <select className={value ? 'filter filter-active' : 'filter'} aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
      <option value="">{allLabel}</option>
      {options.map((option) => (
        <option key={option} value={option}>
          {format(option)}
        </option>
      ))}
    </select>
  );
}
