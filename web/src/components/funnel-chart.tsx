import { BarElement, CategoryScale, Chart, LinearScale, Tooltip, type ChartData, type ChartOptions } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import type { FunnelStage } from '../api-client';
import { formatInteger, formatPercent } from '../format';
import { TOOLTIP_STYLE } from './chart-style';

Chart.register(BarElement, CategoryScale, LinearScale, Tooltip);

/** Subjects reaching each stage, as horizontal bars; the table beside it has the numbers. */
export function FunnelChart({ stages, label }: { stages: FunnelStage[]; label: string }) {
  const first = stages[0]?.reached ?? 0;
  const data: ChartData<'bar', number[], string> = {
    labels: stages.map((s) => s.name),
    datasets: [{ data: stages.map((s) => s.reached), backgroundColor: stages.map((_, i) => `rgba(99, 102, 241, ${(1 - i * 0.13).toFixed(2)})`), borderRadius: 4, barPercentage: 0.8 }],
  };
  const options: ChartOptions<'bar'> = {
    indexAxis: 'y',
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: {
      legend: { display: false },
      tooltip: { ...TOOLTIP_STYLE, callbacks: { label: (item) => ` ${formatInteger(item.parsed.x ?? 0)} (${first ? formatPercent((item.parsed.x ?? 0) / first) : '—'} of the first stage)` } },
    },
    scales: {
      x: { beginAtZero: true, grid: { color: '#eef0f3' }, border: { display: false }, ticks: { color: '#8a8f98', font: { size: 11 }, precision: 0 } },
      y: { grid: { display: false }, border: { display: false }, ticks: { color: '#4b5563', font: { size: 12 } } },
    },
  };
  return (
    <div className="chart-canvas funnel-canvas">
      <Bar data={data} options={options} aria-label={label} role="img" />
    </div>
  );
}
