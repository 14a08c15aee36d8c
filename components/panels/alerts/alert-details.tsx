'use client';

import { useMemo, useState } from 'react';
import type { AlertDto, MuteDto } from '@/lib/api/alerts-dto';
import { alertHistory, historyText, storedHistory } from '../../alerts/alert-book';
import { firedForMs } from '../../alerts/alert-groups';
import { useAlerts } from '../../alerts/use-alerts';
import { useAlertHistory } from '../../hooks/use-alert-history';
import { formatAge, formatDuration } from '../../ui/format';
import styles from './alert-center.module.css';
import { formatTime } from './time';

/** When the alert fired, how long it lasted or has been firing, who acknowledged it, and who muted it until when. */
export function AlertMeta({
  alert,
  now,
  mute = null,
}: {
  alert: AlertDto;
  now: number;
  /** The active mute covering the alert's target. */
  mute?: Pick<MuteDto, 'createdBy' | 'until'> | null;
}) {
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
      {mute ? (
        <span data-testid="mute-info">
          {' '}
          · muted{mute.createdBy ? ` by ${mute.createdBy}` : ''} until {formatTime(mute.until)}
        </span>
      ) : null}
    </p>
  );
}

/**
 * The alert's change log, oldest first, naming who acknowledged, muted or unmuted. Opening it reads the stored log,
 * so changes from before this page was loaded show too; the stream adds later ones.
 */
export function AlertHistoryLog({ alert }: { alert: AlertDto }) {
  const { book } = useAlerts();
  const [open, setOpen] = useState(false);
  const { data, error, isLoading } = useAlertHistory(alert.id, open);
  const stored = useMemo(() => (data ? storedHistory(data) : []), [data]);
  const history = alertHistory(alert, book.history.get(alert.id), stored);
  return (
    <details className={styles.history} onToggle={(event) => setOpen(event.currentTarget.open)}>
      {/* The count once the stored log is in: before that it would miss the changes made before this page opened. */}
      <summary>History{data ? ` (${history.length})` : ''}</summary>
      <ol data-testid="alert-history">
        {history.map((entry) => (
          <li key={entry.seq === null ? `${entry.change}@${entry.at}` : entry.seq} data-change={entry.change}>
            <time dateTime={new Date(entry.at).toISOString()}>{formatTime(entry.at)}</time>{' '}
            <HistoryLine text={historyText(entry)} change={entry.change} />
          </li>
        ))}
      </ol>
      {isLoading ? <p className={styles.meta}>Loading earlier changes…</p> : null}
      {error ? (
        <p className={styles.error} data-testid="alert-history-error">
          Could not load earlier changes: {error.message}
        </p>
      ) : null}
    </details>
  );
}

/** The change in bold, the rest ("by alice", ": a flapped 8 times") plain. */
function HistoryLine({ text, change }: { text: string; change: string }) {
  return (
    <>
      <strong>{change}</strong>
      {text.slice(change.length)}
    </>
  );
}
