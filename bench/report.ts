/** Printing helpers the benchmarks share. */

/** Columns padded to their widest cell: the first left-aligned, the rest right-aligned. */
export function table(lines: string[][]): void {
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  for (const line of lines) console.log(line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('   '));
}

/** Nearest rank: the smallest value with at least `p` of the values at or below it. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** A whole number with thousands separators. */
export function count(n: number): string {
  return Number.isNaN(n) ? '–' : Math.round(n).toLocaleString('en-US');
}
