/** The dashboard's chart tooltip, shared so every chart looks the same. */
export const TOOLTIP_STYLE = {
  backgroundColor: '#111827',
  padding: 10,
  cornerRadius: 8,
  boxPadding: 4,
  usePointStyle: true,
} as const;

/** Axes of the dashboard's stacked daily bar charts: days along, counts up, quiet gridlines. */
export const STACKED_DAILY_SCALES = {
  x: {
    stacked: true,
    grid: { display: false },
    border: { display: false },
    ticks: { color: '#8a8f98', font: { size: 11 }, maxRotation: 0, autoSkip: true, maxTicksLimit: 8 },
  },
  y: {
    stacked: true,
    beginAtZero: true,
    grid: { color: '#eef0f3' },
    border: { display: false },
    ticks: { color: '#8a8f98', font: { size: 11 }, maxTicksLimit: 5, precision: 0 },
  },
} as const;

/** A heatmap cell's colours for a share 0..1 (darker is more); none for no share. */
export function heatStyle(share: number | null): { background: string; color?: string } | undefined {
  if (share === null) return undefined;
  return { background: `rgba(99, 102, 241, ${(0.08 + 0.8 * share).toFixed(3)})`, ...(share > 0.55 ? { color: '#fff' } : {}) };
}
