import { BarElement, CategoryScale, Chart, LinearScale, Tooltip, type ChartData, type ChartOptions } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import type { ModelSummary } from '../api-client';
import { formatCompactCurrency, formatCurrency } from '../format';
import { TOOLTIP_STYLE } from './chart-style';

Chart.register(BarElement, CategoryScale, LinearScale, Tooltip);

const SERIES = [
  { label: 'MRR', color: '#5e6ad2', value: (m: ModelSummary) => m.economics.revenue },
  { label: 'Cost to serve', color: '#f0a04b', value: (m: ModelSummary) => m.economics.cost },
];

/** Monthly revenue beside monthly cost to serve, one pair of bars per model. */
export function ModelEconomicsChart({ models }: { models: ModelSummary[] }) {
  const data: ChartData<'bar', number[], string[]> = {
    // "Hybrid: low touch that escalates" reads better on two lines.
    labels: models.map((m) => m.model.name.split(/:\s+/)),
    datasets: SERIES.map((series) => ({
      label: series.label,
      data: models.map(series.value),
      backgroundColor: series.color,
      borderWidth: 0,
      borderRadius: 3,
      barPercentage: 0.8,
      categoryPercentage: 0.7,
    })),
  };

  const options: ChartOptions<'bar'> = {
    indexAxis: 'y',
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: 'index', axis: 'y', intersect: false },
    plugins: {
      legend: { display: false },
      tooltip: {
        ...TOOLTIP_STYLE,
        callbacks: {
          title: (items) => models[items[0]?.dataIndex ?? 0]?.model.name ?? '',
          label: (item) => ` ${item.dataset.label ?? ''}: ${formatCurrency(item.parsed.x ?? 0)}/mo`,
        },
      },
    },
    scales: {
      x: {
        beginAtZero: true,
        grid: { color: '#eef0f3' },
        border: { display: false },
        ticks: { color: '#8a8f98', font: { size: 11 }, maxTicksLimit: 6, callback: (value) => formatCompactCurrency(Number(value)) },
      },
      y: {
        grid: { display: false },
        border: { display: false },
        ticks: { color: '#454a53', font: { size: 12 } },
      },
    },
  };

  return (
    <div className="chart">
      <div className="chart-canvas">
        <Bar data={data} options={options} aria-label="Monthly revenue and cost to serve per engagement model" role="img" />
      </div>
      <ul className="legend">
        {SERIES.map((series) => (
          <li key={series.label}>
            <span className="dot" style={{ background: series.color }} />
            {series.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
