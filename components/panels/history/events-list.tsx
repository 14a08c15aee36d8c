'use client';

import type { EventDto } from '@/lib/api/history-dto';
import { useState } from 'react';
import { useNow } from '../../ui/use-now';
import { formatDuration } from '../../ui/format';
import { formatClockSeconds } from './format';
import styles from './history.module.css';

export interface EventsListProps {
  events: readonly EventDto[] | undefined;
  withDate: boolean;
  /** Highlights this server's rows (the one the charts show). */
  selectedServer?: string | null;
  loading?: boolean;
}

/** A state that still holds: a downtime reads "ongoing", being back UP just "current". */
function Ongoing({ at, down }: { at: number; down: boolean }) {
  const now = useNow(1000);
  return (
    <span className={down ? styles.ongoing : styles.muted}>
      {down ? 'ongoing' : 'current'} · {formatDuration((now - at) / 1000)}
    </span>
  );
}

const PAGE = 25;

const tone = (status: string | null) =>
  status === 'DOWN'
    ? 'down'
    : status === 'UP'
      ? 'up'
      : status === 'MAINT' || status === 'DRAIN'
        ? 'planned'
        : 'other';

/** Downtimes and state changes, newest first: start, end, how long, from → to, and the check result then. */
export function EventsList({ events, withDate, selectedServer, loading }: EventsListProps) {
  const [shown, setShown] = useState(PAGE);
  if (!events) {
    return <p className={styles.muted}>{loading ? 'Loading events…' : 'No events.'}</p>;
  }
  if (events.length === 0) {
    return (
      <p className={styles.muted} data-testid="events-empty">
        No state changes in this range.
      </p>
    );
  }
  const clock = (ms: number) => formatClockSeconds(ms, { withDate });
  return (
    <div className={styles.tableScroll}>
      <table className={styles.table} data-testid="events-list">
        <thead>
          <tr>
            <th scope="col">Start</th>
            <th scope="col">End</th>
            <th scope="col" className={styles.end}>
              Duration
            </th>
            <th scope="col">Server</th>
            <th scope="col">Change</th>
            <th scope="col">Check at the time</th>
          </tr>
        </thead>
        <tbody>
          {events.slice(0, shown).map((event) => {
            const at = Date.parse(event.at);
            return (
              <tr
                key={`${event.server}-${event.at}-${event.to}`}
                data-testid="event-row"
                data-server={event.server}
                data-from={event.from ?? ''}
                data-to={event.to}
                data-at={at}
                data-duration-sec={event.durationSec ?? ''}
                data-selected={event.server === selectedServer ? 'true' : undefined}
                data-downtime={event.to === 'DOWN' ? 'true' : undefined}
              >
                <td
                  className="num"
                  title={event.precise ? undefined : 'time known to within one poll interval'}
                >
                  {clock(at)}
                  {event.precise ? '' : ' ≈'}
                </td>
                <td className="num">
                  {event.durationSec === null ? '–' : clock(at + event.durationSec * 1000)}
                </td>
                <td className={`num ${styles.end}`}>
                  {event.durationSec === null ? (
                    <Ongoing at={at} down={event.to !== 'UP'} />
                  ) : (
                    formatDuration(event.durationSec)
                  )}
                </td>
                <td>{event.server}</td>
                <td>
                  <span className={styles.change}>
                    <span data-tone={tone(event.from)}>{event.from ?? '–'}</span>
                    <span aria-label="to">→</span>
                    <span data-tone={tone(event.to)}>{event.to}</span>
                  </span>
                  {event.kind !== 'observed' ? (
                    <span className={styles.kind} title={KIND_TEXT[event.kind]}>
                      {event.kind}
                    </span>
                  ) : null}
                </td>
                <td className={styles.cause}>{event.cause ?? <span className={styles.muted}>–</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {events.length > shown ? (
        <button type="button" className={styles.more} onClick={() => setShown((n) => n + PAGE * 4)}>
          Show more ({events.length - shown} older)
        </button>
      ) : null}
    </div>
  );
}

const KIND_TEXT: Record<EventDto['kind'], string> = {
  observed: 'seen by two polls',
  'between-polls': 'a change between two polls, seen in HAProxy’s counters',
  reload: 'across an HAProxy reload',
};
