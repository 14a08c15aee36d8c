import type { PoolDto, PoolServerDto } from '@/lib/api/pools-dto';
import { Badge } from '../../ui/badge';
import { ColumnHeads } from '../../ui/column-heads';
import { formatMs } from '../../ui/format';
import { PoolStatusBadge } from './pool-matrix';
import styles from './pools.module.css';

const group = (servers: readonly PoolServerDto[], backend: { instance: string; backend: string }) =>
  servers.filter((s) => s.instance === backend.instance && s.backend === backend.backend);

/** The HAProxy servers placed on this pool's nodes, grouped by backend (one group per source). */
export function PoolServers({ pool }: { pool: PoolDto }) {
  return (
    <section className={styles.section} aria-label="Servers">
      <h2 className={styles.sectionTitle}>HAProxy servers in {pool.name}</h2>
      {pool.backends.length === 0 ? (
        <p className={styles.muted}>No HAProxy server points at this pool&apos;s nodes.</p>
      ) : (
        <table className={styles.table}>
          <ColumnHeads
            columns={[
              'Status',
              'Server',
              'Node',
              { label: 'Last check', className: styles.num },
              { label: 'p50 / p95 / max (5 min)', className: styles.num },
            ]}
          />
          {pool.backends.map((b) => (
            <tbody key={`${b.instance}/${b.backend}`} data-testid={`pool-backend-${b.instance}-${b.backend}`}>
              <tr className={styles.backendRow}>
                <td colSpan={3}>
                  <span className={styles.tags}>
                    {b.backend} <span className={styles.muted}>· {b.instance}</span>
                    <span className={styles.muted}>
                      · {b.up} up · {b.down} down · {b.total} here
                    </span>
                    {b.servingFromBackup ? (
                      <Badge
                        tone="backup-only"
                        shape="dash"
                        size="sm"
                        solid
                        data-testid="pool-backend-on-backup"
                      >
                        serving from backup
                      </Badge>
                    ) : null}
                  </span>
                </td>
                <td />
                <td className={styles.num}>
                  {formatMs(b.checkLatencyMs.p50)} / {formatMs(b.checkLatencyMs.p95)} /{' '}
                  {formatMs(b.checkLatencyMs.max)}
                </td>
              </tr>
              {group(pool.servers, b).map((s) => (
                <tr
                  key={s.server}
                  data-testid={`pool-server-${s.instance}-${s.backend}-${s.server}`}
                  data-status={s.status}
                >
                  <td>
                    <PoolStatusBadge status={s.status} size="sm" />
                  </td>
                  <td>
                    {s.server}
                    {s.backup ? <span className={styles.muted}> (backup)</span> : null}
                  </td>
                  <td>{s.node ?? <span className={styles.muted}>–</span>}</td>
                  <td className={styles.num}>{formatMs(s.checkDurationMs)}</td>
                  <td />
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      )}
    </section>
  );
}
