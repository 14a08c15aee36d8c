'use client';

import { backendHref } from '@/lib/api/urls';
import type { EmbedOptions } from '@/lib/embeds/embed-params';
import { useSnapshot } from '../../hooks/use-snapshot';
import { formatMs, formatRatio } from '../../ui/format';
import { BackendStatusBadge, ServerStatusBadge } from '../server-table/status-badge';
import { EmbedCard, EmbedLoading, EmbedProblem } from './embed-card';
import styles from './embed.module.css';
import { findBackend } from './find-target';

/** One backend and its servers: state, check latency, sessions and rate; narrow frames keep state and name. */
export function BackendEmbed({ options }: { options: EmbedOptions }) {
  const { snapshot: data, error } = useSnapshot({ refreshMs: options.refreshSec * 1000 });
  if (options.target.type !== 'backend') return null;
  const { instance, backend: name } = options.target;
  if (!data)
    return error ? (
      <EmbedProblem title="Cannot reach hapscope" problems={[error.message]} />
    ) : (
      <EmbedLoading />
    );
  const found = findBackend(data, instance, name);
  if (!found.ok) return <EmbedProblem title="Not found" problems={[found.message]} />;
  const backend = found.value;
  return (
    <EmbedCard
      title={backend.name}
      subtitle={instance}
      href={backendHref({ instance, backend: name })}
      showTitle={options.title}
      data-testid="embed-backend"
    >
      <div className={styles.summary}>
        <BackendStatusBadge backend={backend} />
        <span>
          active <span className="num">{`${backend.activeUp}/${backend.activeTotal}`}</span> · backup{' '}
          <span className="num">{`${backend.backupUp}/${backend.backupTotal}`}</span>
        </span>
      </div>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Server</th>
            <th scope="col" className={styles.num}>
              Check
            </th>
            <th scope="col" className={`${styles.num} ${styles.wide}`}>
              Sessions
            </th>
            <th scope="col" className={`${styles.num} ${styles.wide}`}>
              Rate
            </th>
          </tr>
        </thead>
        <tbody>
          {backend.servers.map((server) => (
            <tr key={server.name} data-testid={`embed-server-${server.name}`}>
              <td>
                <ServerStatusBadge server={server} />
              </td>
              <td className={styles.name}>
                {server.name}
                {server.backup ? <span className={styles.tag}>backup</span> : null}
              </td>
              <td className={styles.num}>{formatMs(server.check.durationMs)}</td>
              <td className={`${styles.num} ${styles.wide}`}>
                {formatRatio(server.sessions.current, server.sessions.max)}
              </td>
              <td className={`${styles.num} ${styles.wide}`}>
                {formatRatio(server.sessionRate.current, server.sessionRate.max)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </EmbedCard>
  );
}
