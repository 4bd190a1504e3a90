import { useState } from 'react';
import type { TimelineEntry } from '../../../src/core/records';
import { formatDateTime, formatPreciseCurrency, formatRelative, formatValue, humanize } from '../format';
import { Link } from '../router';
import { ChannelBadge, ChannelIcon } from './channel-icon';
import { Icon } from './icon';

/** What the timeline knows about the person behind a userId. */
export interface Person {
  name: string;
}

/** One interaction: what, on which channel, who, when, which way, and its details on demand. */
export function TimelineItem({ entry, person }: { entry: TimelineEntry; person: Person | undefined }) {
  const [open, setOpen] = useState(false);
  const properties = Object.entries(entry.properties);
  return (
    <li className="timeline-item" data-testid="timeline-entry">
      <div className="timeline-rail">
        <ChannelIcon channel={entry.channel} />
      </div>
      <div className="timeline-body">
        <div className="timeline-head">
          <span className="timeline-title">{entryTitle(entry)}</span>
          <ChannelBadge channel={entry.channel} />
          <span className={`direction direction-${entry.direction}`} title={entry.direction === 'inbound' ? 'From the customer' : 'From your team'}>
            <Icon name={entry.direction} size={12} />
            {entry.direction === 'inbound' ? 'Inbound' : 'Outbound'}
          </span>
          <span className="timeline-signals">
            {entry.revenue !== null && <span className="pill pill-green">{formatPreciseCurrency(entry.revenue)}</span>}
            {entry.rating !== null && (
              <span className="pill pill-amber" title="Rating">
                <Icon name="review" size={11} /> {formatValue(entry.rating)}
              </span>
            )}
            {entry.sentiment !== null && <Sentiment value={entry.sentiment} />}
          </span>
        </div>
        <div className="timeline-meta">
          {entry.userId ? (
            <Link to={`/contacts/${encodeURIComponent(entry.userId)}`} className="timeline-who">
              {person?.name ?? entry.userId}
            </Link>
          ) : entry.contactId === null && typeof entry.properties['by'] === 'string' ? (
            // Work the team did on the account (a completed task) has no contact: it shows who did it.
            <span className="muted">{entry.properties['by']}</span>
          ) : (
            <span className="muted">Anonymous visitor</span>
          )}
          <span className="sep">·</span>
          <time dateTime={new Date(entry.timestamp).toISOString()} title={formatDateTime(entry.timestamp)}>
            {formatRelative(entry.timestamp, Date.now())}
          </time>
          {properties.length > 0 && (
            <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
              {open ? 'Hide details' : `Details (${properties.length})`}
              <Icon name="chevronDown" size={12} className={open ? 'flip' : undefined} />
            </button>
          )}
        </div>
        {open && (
          <dl className="properties">
            {properties.map(([key, value]) => (
              <div key={key}>
                <dt>{key}</dt>
                <dd>{formatValue(value)}</dd>
              </div>
            ))}
            <div>
              <dt>messageId</dt>
              <dd className="mono">{entry.messageId}</dd>
            </div>
          </dl>
        )}
      </div>
      <span className="timeline-clock">{formatDateTime(entry.timestamp)}</span>
    </li>
  );
}

/** Page and screen views read as views; track events by their own name. */
function entryTitle(entry: TimelineEntry): string {
  switch (entry.type) {
    case 'page':
      return `Viewed ${entry.name ?? 'a page'}`;
    case 'screen':
      return `Opened ${entry.name ?? 'a screen'} screen`;
    case 'identify':
      return 'Profile updated';
    case 'group':
      return 'Joined the account';
    default:
      if (entry.name === 'Task Completed' && typeof entry.properties['title'] === 'string') return `Task done: ${entry.properties['title']}`;
      return entry.name ?? humanize(entry.type);
  }
}

function Sentiment({ value }: { value: number }) {
  const [label, tone] = value > 0.25 ? ['Positive', 'green'] : value < -0.25 ? ['Negative', 'red'] : ['Neutral', 'grey'];
  return (
    <span className={`pill pill-${tone}`} title={`Sentiment ${value.toFixed(2)}`}>
      {label}
    </span>
  );
}
