import type { TimelineEntry } from '../../src/core/records';

export type Channel = TimelineEntry['channel'];

export interface ChannelLook {
  label: string;
  /** The channel's colour: chart series, icon and badges. Fixed, so a channel is recognised everywhere. */
  color: string;
}

/** Every channel the API knows, in the order the dashboard lists them. */
export const CHANNEL_LOOKS = {
  in_app: { label: 'In-app', color: '#6366f1' },
  web: { label: 'Web', color: '#0ea5e9' },
  email: { label: 'Email', color: '#f59e0b' },
  chat: { label: 'Chat', color: '#14b8a6' },
  phone: { label: 'Phone', color: '#a855f7' },
  in_person: { label: 'In person', color: '#65a30d' },
  support_ticket: { label: 'Support ticket', color: '#ef4444' },
  review: { label: 'Review', color: '#a8764a' },
  social: { label: 'Social', color: '#ec4899' },
} as const satisfies Record<Channel, ChannelLook>;

export const CHANNELS = Object.keys(CHANNEL_LOOKS) as Channel[];

export function isChannel(value: string): value is Channel {
  return Object.hasOwn(CHANNEL_LOOKS, value);
}

/** The look of a channel; a channel this dashboard does not know yet is shown in grey under its own name. */
export function channelLook(channel: string): ChannelLook {
  return isChannel(channel) ? CHANNEL_LOOKS[channel] : { label: channel, color: '#94a3b8' };
}
