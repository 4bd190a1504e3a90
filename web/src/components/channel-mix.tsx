import type { Overview } from '../api-client';
import { channelLook } from '../channels';
import { formatInteger } from '../format';

/** How the period's interactions split over channels, largest first, as proportional bars. */
export function ChannelMix({ overview }: { overview: Overview }) {
  const totals = new Map<string, number>();
  for (const row of overview.activity) totals.set(row.channel, (totals.get(row.channel) ?? 0) + row.count);
  const rows = [...totals].sort((a, b) => b[1] - a[1]);
  const sum = rows.reduce((n, [, count]) => n + count, 0);
  return (
    <ul className="channel-mix">
      {rows.map(([channel, count]) => {
        const look = channelLook(channel);
        const share = sum === 0 ? 0 : count / sum;
        return (
          <li key={channel}>
            <div className="mix-row">
              <span className="mix-label">
                <span className="dot" style={{ background: look.color }} />
                {look.label}
              </span>
              <span className="mix-count">{formatInteger(count)}</span>
              <span className="mix-share">{share > 0 && share < 0.01 ? '<1%' : `${Math.round(share * 100)}%`}</span>
            </div>
            <div className="mix-track">
              <div className="mix-bar" style={{ width: `${Math.max(share * 100, 0.5)}%`, background: look.color }} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
