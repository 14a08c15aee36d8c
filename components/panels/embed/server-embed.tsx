'use client';

import { serverHref } from '@/lib/api/urls';
import type { EmbedOptions } from '@/lib/embeds/embed-params';
import { useSnapshot } from '../../hooks/use-snapshot';
import { formatDuration, formatMs, formatRatio } from '../../ui/format';
import { ServerStatusBadge } from '../server-table/status-badge';
import { EmbedCard, EmbedLoading, EmbedProblem } from './embed-card';
import styles from './embed.module.css';
import { findServer } from './find-target';

/** One server: state with HAProxy's own text, its last check, how long in this state, its traffic. */
export function ServerEmbed({ options }: { options: EmbedOptions }) {
  const { snapshot: data, error } = useSnapshot({ refreshMs: options.refreshSec * 1000 });
  if (options.target.type !== 'server') return null;
  const { instance, backend, server: name } = options.target;
  if (!data)
    return error ? (
      <EmbedProblem title="Cannot reach hapscope" problems={[error.message]} />
    ) : (
      <EmbedLoading />
    );
  const found = findServer(data, instance, backend, name);
  if (!found.ok) return <EmbedProblem title="Not found" problems={[found.message]} />;
  const { server } = found.value;
  const check = [server.check.status, server.check.code, server.check.description].filter(Boolean).join(' ');
  return (
    <EmbedCard
      title={server.name}
      subtitle={`${backend} · ${instance}`}
      href={serverHref({ instance, backend, server: name })}
      showTitle={options.title}
      data-testid="embed-server"
    >
      <div className={styles.summary}>
        <ServerStatusBadge server={server} />
        <span className={styles.muted}>{server.statusText}</span>
        {server.backup ? <span className={styles.tag}>backup</span> : null}
      </div>
      <dl className={styles.facts}>
        <dt>Last check</dt>
        <dd>{check || '—'}</dd>
        <dt>Check latency</dt>
        <dd className="num">{formatMs(server.check.durationMs)}</dd>
        <dt>In this state for</dt>
        <dd className="num">{formatDuration(server.lastChangeSec)}</dd>
        <dt>Sessions (cur/max)</dt>
        <dd className="num">{formatRatio(server.sessions.current, server.sessions.max)}</dd>
        <dt>Session rate</dt>
        <dd className="num">{formatRatio(server.sessionRate.current, server.sessionRate.max)}</dd>
        <dt>Queue</dt>
        <dd className="num">{formatRatio(server.queue.current, server.queue.max)}</dd>
      </dl>
    </EmbedCard>
  );
}
