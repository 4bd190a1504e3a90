import { BarElement, CategoryScale, Chart, LinearScale, Tooltip, type ChartData, type ChartOptions } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import type { ModelMovesPerDay } from '../api-client';
import { formatDay, formatInteger, formatShortDay } from '../format';
import { STACKED_DAILY_SCALES, TOOLTIP_STYLE } from './chart-style';
import { modelColor } from './model-colors';

Chart.register(BarElement, CategoryScale, LinearScale, Tooltip);

const DAY = 86_400_000;

/** Accounts that moved between models per day, stacked by the model they moved to; quiet days keep their (empty) bar. */
export function ModelMovesChart({ moves, modelIds, modelName }: { moves: ModelMovesPerDay; modelIds: readonly string[]; modelName: (id: string) => string }) {
  const days: number[] = [];
  for (let day = moves.from; day < moves.to; day += DAY) days.push(day);
  const counts = new Map<string, Map<number, number>>();
  for (const row of moves.items) {
    const byDay = counts.get(row.modelId) ?? new Map<number, number>();
    byDay.set(row.day, (byDay.get(row.day) ?? 0) + row.count);
    counts.set(row.modelId, byDay);
  }
  // Models in force first, in their order; a model since removed still shows its moves.
  const models = [...modelIds.filter((id) => counts.has(id)), ...[...counts.keys()].filter((id) => !modelIds.includes(id)).sort()];

  const data: ChartData<'bar', number[], string> = {
    labels: days.map(formatShortDay),
    datasets: models.map((id) => ({
      label: modelName(id),
      data: days.map((day) => counts.get(id)?.get(day) ?? 0),
      backgroundColor: modelColor(modelIds, id),
      borderWidth: 0,
      borderRadius: 0,
      barPercentage: 0.82,
      categoryPercentage: 0.9,
    })),
  };

  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: 'index', intersect: false },
    plugins: {
      legend: { display: false },
      tooltip: {
        ...TOOLTIP_STYLE,
        filter: (item) => (item.parsed.y ?? 0) > 0,
        itemSort: (a, b) => (b.parsed.y ?? 0) - (a.parsed.y ?? 0),
        callbacks: {
          title: (items) => `Moved on ${formatDay(days[items[0]?.dataIndex ?? 0] ?? moves.from)}`,
          label: (item) => ` to ${item.dataset.label ?? ''}: ${formatInteger(item.parsed.y ?? 0)}`,
        },
      },
    },
    scales: STACKED_DAILY_SCALES,
  };

  return (
    <div className="chart">
      <div className="chart-canvas">
        <Bar data={data} options={options} aria-label="Accounts moved between engagement models per day, by the model they moved to" role="img" />
      </div>
      <ul className="legend">
        {models.map((id) => (
          <li key={id}>
            <span className="dot" style={{ background: modelColor(modelIds, id) }} />
            to {modelName(id)}
          </li>
        ))}
      </ul>
    </div>
  );
}
