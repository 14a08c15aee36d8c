'use client';

import type { AlertDto } from '@/lib/api/alerts-dto';
import { ALERTS_PAGE } from '@/lib/api/urls';
import type { EmbedOptions, EmbedTarget } from '@/lib/embeds/embed-params';
import { useAlertList } from '../../hooks/use-alert-list';
import { Badge } from '../../ui/badge';
import { EmbedCard, EmbedLoading, EmbedProblem } from './embed-card';
import styles from './embed.module.css';

function concerns(alert: AlertDto, target: EmbedTarget): boolean {
  const t = alert.target;
  if (target.type === 'pool') return t.pool === target.pool;
  if (target.type === 'none') return true;
  if (t.instance !== target.instance || t.backend !== target.backend) return false;
  return target.type === 'backend' || t.server === target.server;
}

const scopeOf = (target: EmbedTarget) =>
  target.type === 'pool'
    ? `pool ${target.pool}`
    : target.type === 'backend'
      ? `${target.backend} · ${target.instance}`
      : target.type === 'server'
        ? `${target.server} · ${target.backend} · ${target.instance}`
        : 'all';

/** Alerts firing now (read-only: acknowledging and muting stay in the dashboard), optionally for one target. */
export function AlertsEmbed({ options }: { options: EmbedOptions }) {
  const { data, error } = useAlertList({ refreshMs: options.refreshSec * 1000 });
  if (!data)
    return error ? (
      <EmbedProblem title="Cannot reach hapscope" problems={[error.message]} />
    ) : (
      <EmbedLoading />
    );
  const firing = data.alerts
    .filter((a) => a.state === 'firing' && concerns(a, options.target))
    .sort(
      (a, b) =>
        Number(a.severity !== 'critical') - Number(b.severity !== 'critical') ||
        b.since.localeCompare(a.since),
    );
  return (
    <EmbedCard
      title="Firing alerts"
      subtitle={scopeOf(options.target)}
      href={ALERTS_PAGE}
      showTitle={options.title}
      data-testid="embed-alerts"
    >
      {firing.length === 0 ? (
        <p className={styles.quiet} data-testid="embed-no-alerts">
          Nothing firing.
        </p>
      ) : (
        <ul className={styles.alerts}>
          {firing.map((alert) => (
            <li key={alert.id} data-testid="embed-alert" data-kind={alert.kind}>
              <Badge
                tone={alert.severity === 'critical' ? 'down' : 'going-down'}
                shape={alert.severity === 'critical' ? 'cross' : 'triangle-down'}
                size="sm"
              >
                {alert.severity}
              </Badge>
              <span className={styles.alertText}>{alert.summary}</span>
              <time className={styles.muted} dateTime={alert.since}>
                {alert.target.instance ? `${alert.target.instance} · ` : ''}since{' '}
                {new Date(alert.since).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}
              </time>
            </li>
          ))}
        </ul>
      )}
    </EmbedCard>
  );
}
