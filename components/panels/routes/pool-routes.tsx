import type { BackendRoutingDto, PoolServicesDto } from '@/lib/api/routes-dto';
import { ColumnHeads } from '../../ui/column-heads';
import styles from './routes.module.css';
import { poolRouteRows, poolServiceNames, type PoolRouteRow } from './routes-view';

export interface PoolRoutesProps {
  pool: string;
  /** `routes` and `poolServices` of GET /api/v1/pools. */
  routes: readonly BackendRoutingDto[];
  poolServices: readonly PoolServicesDto[];
}

/** The pool page's view of Traefik: the backends and IngressRoutes this pool's Traefik serves, its lbpool Services. */
export function PoolRoutes({ pool, routes, poolServices }: PoolRoutesProps) {
  const rows = poolRouteRows(pool, routes);
  const services = poolServiceNames(pool, poolServices);
  return (
    <section className={styles.card} aria-label="Traefik routes" data-testid="pool-routes">
      <h2 className={styles.title}>Traefik routes in {pool}</h2>
      {rows.length === 0 ? (
        <p className={styles.muted}>No backend named in BACKEND_HOSTS has servers in this pool.</p>
      ) : (
        <RouteTable rows={rows} />
      )}
      <p className={styles.note} data-testid="pool-lb-services">
        lbpool Services served by {pool}&apos;s svclb pods:{' '}
        {services.length ? (
          <span className={styles.mono}>{services.join(', ')}</span>
        ) : (
          <span className={styles.muted}>
            none (no Service labelled svccontroller.k3s.cattle.io/lbpool={pool})
          </span>
        )}
      </p>
    </section>
  );
}

function RouteTable({ rows }: { rows: readonly PoolRouteRow[] }) {
  return (
    <table className={styles.table}>
      <ColumnHeads columns={['Backend', 'Host', 'IngressRoutes', 'Servers here', 'Traefik']} />
      <tbody>
        {rows.map((r) => (
          <tr key={r.backend} data-testid={`pool-route-${r.backend}`} data-hop={r.hop.tone}>
            <td>{r.backend}</td>
            <td className={styles.mono}>{r.host}</td>
            <td className={styles.mono}>
              {r.ingressRoutes.join(', ') || <span className={styles.muted}>none</span>}
            </td>
            <td>{r.servers.join(', ')}</td>
            <td className={styles.hop}>{r.hop.short}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
