import { CategoryScale, Chart, LinearScale, LineElement, PointElement, type ChartData, type ChartOptions } from 'chart.js';
import { Line } from 'react-chartjs-2';

Chart.register(CategoryScale, LinearScale, LineElement, PointElement);

/** A small line of a KPI's periods, gaps where a period has no value; the numbers are in the table below it. */
export function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  const data: ChartData<'line', (number | null)[], string> = {
    labels: values.map((_, i) => String(i)),
    datasets: [
      {
        data: values,
        borderColor: '#6366f1',
        borderWidth: 1.5,
        // A period between two without a value has no line to draw: it shows as a dot.
        pointRadius: values.map((v, i) => (v !== null && values[i - 1] == null && values[i + 1] == null ? 2 : 0)),
        pointBackgroundColor: '#6366f1',
        tension: 0.3,
        spanGaps: false,
      },
    ],
  };
  const options: ChartOptions<'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: { legend: { display: false }, tooltip: { enabled: false } },
    scales: { x: { display: false }, y: { display: false } },
  };
  return (
    <div className="sparkline">
      <Line data={data} options={options} aria-label={label} role="img" />
    </div>
  );
}
