import type { InstanceDto } from '@/lib/api/snapshot-dto';
import { toClientMs } from '../../hooks/snapshot-clock';
import { Age, Countdown } from '../../ui/age';
import { Badge } from '../../ui/badge';
import { formatDuration, formatMs } from '../../ui/format';
import styles from './sources.module.css';
import { sourceView } from './source-view';

export interface SourceCardProps {
  instance: InstanceDto;
  /** Browser minus server clock (see useSnapshot), so ages tick on the browser's clock. */
  clockOffsetMs: number;
}

/** One HAProxy source: state, error with a hint, last poll age, version and uptime, next retry. */
export function SourceCard({ instance, clockOffsetMs }: SourceCardProps) {
  const view = sourceView(instance);
  const lastPoll = toClientMs(instance.lastPollAt, clockOffsetMs);
  const lastSuccess = toClientMs(instance.lastSuccessAt, clockOffsetMs);
  const nextPoll = toClientMs(instance.nextPollAt, clockOffsetMs);
  return (
    <article
      className={styles.card}
      data-tone={view.tone}
      data-testid={`source-card-${instance.name}`}
      aria-label={`Source ${instance.name}: ${view.label}`}
    >
      <header className={styles.head}>
        <h2 className={styles.name} title={instance.name}>
          {instance.name}
        </h2>
        <span className={styles.kind}>{instance.kind === 'socket' ? 'socket' : 'http'}</span>
        <Badge
          tone={view.tone}
          shape={view.tone === 'ok' ? 'circle' : view.tone === 'error' ? 'cross' : 'ring'}
          size="sm"
          data-testid="source-status"
        >
          {view.label}
        </Badge>
      </header>
      {view.message ? (
        <p className={styles.error} role="alert" title={view.message} data-testid="source-error">
          {view.message}
        </p>
      ) : (
        <p className={styles.facts}>
          {instance.version ? <span>HAProxy {instance.version}</span> : <span>version unknown</span>}
          {instance.uptimeSec !== null ? <span>up {formatDuration(instance.uptimeSec)}</span> : null}
          {instance.pid !== null ? <span>pid {instance.pid}</span> : null}
        </p>
      )}
      {view.sameProcess ? (
        <p
          className={styles.meta}
          data-testid="source-same-process"
          title={`${view.sameProcess} (the same pid, node and start time): each of its servers counts once in alerts and pools`}
        >
          <span>{view.sameProcess}</span>
          {view.countedElsewhere ? <span>{view.countedElsewhere}</span> : null}
        </p>
      ) : null}
      <p className={styles.meta}>
        {view.neverSucceeded ? <span className={styles.warn}>never answered: no backends</span> : null}
        {view.stale ? (
          <span className={styles.warn}>
            data from <Age at={lastSuccess} />
          </span>
        ) : null}
        {view.tone === 'pending' ? (
          <span>waiting for the first poll</span>
        ) : (
          <span>
            polled <Age at={lastPoll} />
          </span>
        )}
        {view.tone === 'ok' && instance.pollDurationMs !== null ? (
          <span>took {formatMs(instance.pollDurationMs)}</span>
        ) : null}
        {view.backingOff && nextPoll !== null ? (
          <span title={`${instance.consecutiveFailures} failures in a row: polling less often`}>
            retry <Countdown to={nextPoll} />
          </span>
        ) : null}
      </p>
    </article>
  );
}
