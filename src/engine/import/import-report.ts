import type { ImportSummary } from './import-file.js';

/** The import's summary as lines for a terminal: counts, reasons, the first rejected rows. */
export function describeImport(summary: ImportSummary, seconds: number): string[] {
  const n = (value: number) => value.toLocaleString('en-US');
  const lines = [
    `read ${n(summary.rowsRead)} rows in ${seconds.toFixed(1)} s`,
    `  stored:     ${n(summary.stored)}`,
    `  duplicates: ${n(summary.duplicates)} (already stored, unchanged)`,
    `  rejected:   ${n(summary.rejected)}`,
  ];
  if (summary.rejected === 0) return lines;
  lines.push('reasons:');
  for (const { reason, count } of summary.reasons) lines.push(`  ${n(count).padStart(7)} × ${reason}`);
  lines.push(summary.rejected > summary.firstRejected.length ? `first ${summary.firstRejected.length} rejected rows:` : 'rejected rows:');
  for (const row of summary.firstRejected) lines.push(`  line ${row.line}: ${row.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return lines;
}
