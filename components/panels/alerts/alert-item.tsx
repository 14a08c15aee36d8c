'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { AlertDto } from '@/lib/api/alerts-dto';
import { alertHistory } from '../../alerts/alert-book';
import { firedForMs } from '../../alerts/alert-groups';
import { alertUrl, kindLabel, targetLabel } from '../../alerts/alert-text';
import { useAlerts } from '../../alerts/use-alerts';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { formatAge, formatDuration } from '../../ui/format';
import styles from './alert-center.module.css';
import { MuteForm } from './mute-form';
import { ackName, formatTime } from './time';

/** One alert: what, where, since when, who acknowledged it, its change log; members nest under a group. */
export function AlertItem({
  alert,
  members,
  now,
}: {
  alert: AlertDto;
  members: readonly AlertDto[];
  now: number;
}) {
  const { book, acknowledge } = useAlerts();
  const [muting, setMuting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const firing = alert.state === 'firing';
  const history = alertHistory(alert, book.history.get(alert.id));
  const mutedUntil = alert.mutedUntil && Date.parse(alert.mutedUntil) > now ? alert.mutedUntil : null;

  const ack = async () => {
    setError(null);
    try {
      await acknowledge(alert.id, ackName());
    } catch (e) {
      setError(`Could not acknowledge: ${(e as Error).message}`);
    }
  };

  return (
    <li
      className={styles.item}
      data-testid="alert-item"
      data-alert-id={alert.id}
      data-kind={alert.kind}
      data-state={alert.state}
      data-severity={alert.severity}
    >
      <div className={styles.itemMain}>
        <div className={styles.itemHead}>
          <Badge
            tone={!firing ? 'ok' : alert.severity === 'critical' ? 'down' : 'going-down'}
            shape={!firing ? 'circle' : alert.severity === 'critical' ? 'cross' : 'diamond'}
            size="sm"
          >
            {firing ? alert.severity : 'resolved'}
          </Badge>
          <span className={styles.kind}>{kindLabel(alert.kind)}</span>
          <Link href={alertUrl(alert)} className={styles.target}>
            {targetLabel(alert)}
          </Link>
          {mutedUntil ? (
            <Badge tone="maint" size="sm" title={`Muted until ${formatTime(mutedUntil)}`}>
              muted
            </Badge>
          ) : null}
        </div>
        <p className={styles.summary}>{alert.summary}</p>
        <p className={styles.meta}>
          {firing ? (
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
        {error ? (
          <p className={styles.error} role="alert">
            {error}
          </p>
        ) : null}
        {muting ? <MuteForm target={alert.target} onDone={() => setMuting(false)} /> : null}
      </div>
      {firing ? (
        <div className={styles.actions}>
          {!alert.acknowledgedAt ? (
            <Button size="sm" onClick={ack} data-testid="ack-button">
              Acknowledge
            </Button>
          ) : null}
          <Button
            size="sm"
            aria-expanded={muting}
            onClick={() => setMuting(!muting)}
            data-testid="mute-button"
          >
            Mute…
          </Button>
        </div>
      ) : null}
      {members.length > 0 ? (
        <ul
          className={styles.members}
          aria-label={`Grouped under ${targetLabel(alert)}`}
          data-testid="alert-members"
        >
          {members.map((member) => (
            <AlertItem key={member.id} alert={member} members={[]} now={now} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
