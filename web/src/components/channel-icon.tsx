import { channelLook, isChannel } from '../channels';
import { Icon } from './icon';

/** A channel's icon in a tinted circle of the channel's colour. */
export function ChannelIcon({ channel, size = 28 }: { channel: string; size?: number }) {
  const { color, label } = channelLook(channel);
  return (
    <span className="channel-icon" style={{ color, background: `${color}1a`, width: size, height: size }} title={label}>
      <Icon name={isChannel(channel) ? channel : 'web'} size={Math.round(size * 0.54)} />
    </span>
  );
}

/** The channel's name in a small pill with its colour dot. */
export function ChannelBadge({ channel }: { channel: string }) {
  const { color, label } = channelLook(channel);
  return (
    <span className="channel-badge">
      <span className="dot" style={{ background: color }} />
      {label}
    </span>
  );
}
