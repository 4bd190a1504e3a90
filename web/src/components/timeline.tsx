import { useEffect, useState } from 'react';
import type { Page, TimelineEntry } from '../../../src/core/records';
import type { TimelineQuery } from '../api-client';
import { channelLook, CHANNELS } from '../channels';
import { formatWeekday } from '../format';
import { FilterSelect } from './filter-select';
import { Empty, Failure, Loading } from './page-states';
import { TimelineItem, type Person } from './timeline-item';

const PAGE_SIZE = 30;

type State =
  | { status: 'loading'; entries: TimelineEntry[]; nextCursor: string | null }
  | { status: 'ready'; entries: TimelineEntry[]; nextCursor: string | null }
  | { status: 'error'; entries: TimelineEntry[]; nextCursor: string | null; error: Error };

/**
 * One timeline of interactions across channels, newest first, for an account or a contact:
 * a channel filter, entries grouped by day, and "load more" following the API's cursor.
 */
export function Timeline({ load, people }: { load: (query: TimelineQuery) => Promise<Page<TimelineEntry>>; people?: ReadonlyMap<string, Person> }) {
  const [channel, setChannel] = useState<string | null>(null);
  const [state, setState] = useState<State>({ status: 'loading', entries: [], nextCursor: null });
  const [request, setRequest] = useState<{ channel: string | null; cursor: string | null; attempt: number }>({ channel: null, cursor: null, attempt: 0 });

  useEffect(() => {
    let current = true;
    setState((s) => ({ status: 'loading', entries: request.cursor ? s.entries : [], nextCursor: s.nextCursor }));
    load({ channel: request.channel, cursor: request.cursor, limit: PAGE_SIZE }).then(
      (page) => current && setState((s) => ({ status: 'ready', entries: request.cursor ? [...s.entries, ...page.items] : page.items, nextCursor: page.nextCursor })),
      (error: unknown) => current && setState((s) => ({ status: 'error', entries: s.entries, nextCursor: s.nextCursor, error: error instanceof Error ? error : new Error(String(error)) })),
    );
    return () => {
      current = false;
    };
    // The page asked for is `request`; `load` belongs to the (keyed) account or contact.
  }, [request]);

  const choose = (next: string | null) => {
    setChannel(next);
    setRequest({ channel: next, cursor: null, attempt: 0 });
  };
  const days = groupByDay(state.entries);

  return (
    <div className="timeline" aria-label="Timeline">
      <div className="card-header">
        <h2>Timeline</h2>
        <FilterSelect label="Channel" allLabel="All channels" options={CHANNELS} value={channel ?? undefined} onChange={(value) => choose(value ?? null)} format={(c) => channelLook(c).label} />
      </div>
      {state.entries.length === 0 && state.status === 'loading' && <Loading label="Loading interactions…" />}
      {state.entries.length === 0 && state.status === 'ready' && (
        <Empty title={channel ? `No ${channelLook(channel).label.toLowerCase()} interactions` : 'No interactions yet'}>
          {channel ? 'Try another channel.' : 'Events sent with this userId or groupId show up here.'}
        </Empty>
      )}

      {days.map(([day, entries]) => (
        <section key={day} className="timeline-day">
          <h3 className="timeline-day-title">{formatWeekday(entries[0]?.timestamp ?? 0)}</h3>
          <ol className="timeline-list">
            {entries.map((entry) => (
              <TimelineItem key={entry.id} entry={entry} person={entry.userId ? people?.get(entry.userId) : undefined} />
            ))}
          </ol>
        </section>
      ))}

      {state.status === 'error' && <Failure error={state.error} onRetry={() => setRequest((r) => ({ ...r, attempt: r.attempt + 1 }))} />}
      {state.entries.length > 0 && state.status !== 'error' && (
        <div className="timeline-more">
          {state.nextCursor ? (
            <button type="button" className="button" disabled={state.status === 'loading'} onClick={() => setRequest({ channel, cursor: state.nextCursor, attempt: 0 })}>
              {state.status === 'loading' ? 'Loading…' : 'Load more'}
            </button>
          ) : (
            <span className="muted small">No older interactions.</span>
          )}
        </div>
      )}
    </div>
  );
}

/** Consecutive entries of the same local calendar day, in the order they came. */
function groupByDay(entries: TimelineEntry[]): [string, TimelineEntry[]][] {
  const groups: [string, TimelineEntry[]][] = [];
  for (const entry of entries) {
    const date = new Date(entry.timestamp);
    const key = `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
    const last = groups[groups.length - 1];
    if (last && last[0] === key) last[1].push(entry);
    else groups.push([key, [entry]]);
  }
  return groups;
}
