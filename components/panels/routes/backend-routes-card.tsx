import Link from 'next/link';
import type { BackendRoutingDto } from '@/lib/api/routes-dto';
import { poolHref } from '@/lib/api/urls';
import styles from './routes.module.css';
import { BACKEND_HOSTS_HINT, describeHop } from './routes-view';

export interface BackendRoutesCardProps {
  backend: string;
  /** `routes` of GET /api/v1/routes (or /api/v1/pools); undefined while loading. */
  routes: readonly BackendRoutingDto[] | undefined;
}

/** The backend page's view of Traefik: its Host, the IngressRoutes matching it and each pool's Traefik. */
export function BackendRoutesCard({ backend, routes }: BackendRoutesCardProps) {
  if (!routes) return null;
  const routing = routes.find((r) => r.backend === backend);
  return (
    <section className={styles.card} aria-label="Traefik routing" data-testid="backend-routes">
      <h2 className={styles.title}>Traefik routing</h2>
      {routing ? (
        <RoutingFacts routing={routing} />
      ) : (
        <p className={styles.muted}>{BACKEND_HOSTS_HINT(backend)}</p>
      )}
    </section>
  );
}

function RoutingFacts({ routing }: { routing: BackendRoutingDto }) {
  return (
    <>
      <dl className={styles.facts}>
        <dt>Health-check Host</dt>
        <dd className={styles.mono} data-testid="backend-routes-host">
          {routing.host}
        </dd>
        <dt>IngressRoutes</dt>
        <dd data-testid="backend-routes-ingressroutes">
          {routing.ingressRoutes.length ? (
            <span className={styles.mono}>{routing.ingressRoutes.join(', ')}</span>
          ) : (
            <span className={styles.muted}>none matches Host({routing.host})</span>
          )}
        </dd>
      </dl>
      {routing.pools.length === 0 ? (
        <p className={styles.muted}>No server of this backend is placed in a pool.</p>
      ) : (
        <ul className={styles.pools}>
          {routing.pools.map((p) => {
            const hop = describeHop(p);
            return (
              <li
                key={p.pool}
                className={styles.pool}
                data-testid={`backend-routes-pool-${p.pool}`}
                data-hop={hop.tone}
              >
                <Link href={poolHref(p.pool)} className={styles.poolName}>
                  {p.pool}
                </Link>
                <span className={styles.muted}>{p.servers.join(', ')}</span>
                <span className={styles.hop} role={hop.tone === 'cross-location' ? 'alert' : undefined}>
                  {hop.text}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
