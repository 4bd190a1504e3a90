import { stringify } from 'csv-stringify/browser/esm/sync';

/** A button that saves rows (the first is the header) as a CSV file. */
export function CsvDownload({ rows, filename, label = 'Download CSV' }: { rows: (string | number | null)[][]; filename: string; label?: string }) {
  const download = () => {
    const url = URL.createObjectURL(new Blob([stringify(rows.map((row) => row.map((cell) => cell ?? '')))], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <button type="button" className="button button-ghost" onClick={download}>
      {label}
    </button>
  );
}
