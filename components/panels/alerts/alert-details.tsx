'use client';

import type { AlertDto } from '@/lib/api/alerts-dto';
import { alertHistory } from '../../alerts/alert-book';
import { firedForMs } from '../../alerts/alert-groups';
import { useAlerts } from '../../alerts/use-alerts';
import { formatAge, formatDuration } from '../../ui/format';
import styles from './alert-center.module.css';
import { formatTime } from './time';

/** When the alert fired, how long it lasted or has been firing, and who acknowledged it. */
export function AlertMeta({ alert, now }: { alert: AlertDto; now: number }) {
  return (
    <p className={styles.meta}>
      {alert.state === 'firing' ? (
        <>
          Fired {formatTime(alert.firedAt)} · firing for {formatDuration(firedForMs(alert, now) / 1000)}
        </>
      ) : (
        <>
          {formatTime(alert.firedAt)} → {formatTime(alert.resolvedAt)} · lasted{' '}
          {formatDuration(firedForMs(alert, now) / 1000)} · resolved{' '}
          {formatAge(now - Date.parse(alert.resolvedAt!))}
        </>
      )}
      {alert.acknowledgedAt ? (
        <span data-testid="ack-info">
          {' '}
          · acknowledged{alert.acknowledgedBy ? ` by ${alert.acknowledgedBy}` : ''}{' '}
          {formatTime(alert.acknowledgedAt)}
        </span>
      ) : null}
    </p>
  );
}

/** The alert's change log, oldest first: its own changes joined with the updates the stream brought. */
export function AlertHistoryLog({ alert }: { alert: AlertDto }) {
  const { book } = useAlerts();
  const history = alertHistory(alert, book.history.get(alert.id));
  return (
    <details className={styles.history}>
      <summary>History ({history.length})</summary>
      <ol data-testid="alert-history">
        {history.map((entry) => (
          <li key={`${entry.change}@${entry.at}`}>
            <time dateTime={new Date(entry.at).toISOString()}>{formatTime(entry.at)}</time>{' '}
            <strong>{entry.change}</strong>
            {entry.by ? ` by ${entry.by}` : ''}
            {entry.change === 'updated' ? `: ${entry.summary}` : ''}
          </li>
        ))}
      </ol>
    </details>
  );
}
