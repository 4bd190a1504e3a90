import { BarElement, CategoryScale, Chart, LinearScale, Tooltip, type ChartData, type ChartOptions } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import type { Overview } from '../api-client';
import { channelLook, CHANNELS } from '../channels';
import { formatDay, formatInteger, formatShortDay } from '../format';
import { STACKED_DAILY_SCALES, TOOLTIP_STYLE } from './chart-style';

Chart.register(BarElement, CategoryScale, LinearScale, Tooltip);

const DAY = 86_400_000;

/** Interactions per day, stacked by channel; days without any still get their (empty) bar. */
export function ActivityChart({ overview }: { overview: Overview }) {
  const days: number[] = [];
  for (let day = overview.from; day < overview.to; day += DAY) days.push(day);
  const counts = new Map<string, Map<number, number>>();
  for (const row of overview.activity) {
    const byDay = counts.get(row.channel) ?? new Map<number, number>();
    byDay.set(row.day, (byDay.get(row.day) ?? 0) + row.count);
    counts.set(row.channel, byDay);
  }
  const channels = [...CHANNELS.filter((c) => counts.has(c)), ...[...counts.keys()].filter((c) => !(CHANNELS as string[]).includes(c))];

  const data: ChartData<'bar', number[], string> = {
    labels: days.map(formatShortDay),
    datasets: channels.map((channel) => {
      const look = channelLook(channel);
      return {
        label: look.label,
        data: days.map((day) => counts.get(channel)?.get(day) ?? 0),
        backgroundColor: look.color,
        borderWidth: 0,
        borderRadius: 0,
        barPercentage: 0.82,
        categoryPercentage: 0.9,
      };
    }),
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
          title: (items) => formatDay(days[items[0]?.dataIndex ?? 0] ?? overview.from),
          label: (item) => ` ${item.dataset.label ?? ''}: ${formatInteger(item.parsed.y ?? 0)}`,
        },
      },
    },
    scales: STACKED_DAILY_SCALES,
  };

  return (
    <div className="chart">
      <div className="chart-canvas">
        <Bar data={data} options={options} aria-label="Interactions per day by channel" role="img" />
      </div>
      <ul className="legend">
        {channels.map((channel) => {
          const look = channelLook(channel);
          return (
            <li key={channel}>
              <span className="dot" style={{ background: look.color }} />
              {look.label}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
