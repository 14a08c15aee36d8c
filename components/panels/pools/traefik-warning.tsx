import styles from './pools.module.css';

/** The failure mode hapscope exists for, spelled out where it happens. */
export function TraefikWarning({ pool, traefikTotal }: { pool: string; traefikTotal: number }) {
  return (
    <section className={styles.traefikWarning} data-testid="pool-traefik-warning" role="alert">
      <h2>No Ready Traefik in {pool}</h2>
      <p>
        This location&apos;s svclb pods have no Traefik of their own to forward to
        {traefikTotal > 0 ? ` (${traefikTotal} Traefik pod(s) here, none Ready)` : ''}, so they forward to a
        Traefik in <strong>another location</strong>. Every request and every HAProxy health check to these
        nodes crosses locations: the extra latency makes checks time out now and then, and the servers below
        flap between UP and DOWN even though nothing is wrong with them.
      </p>
      <p>
        Fix: start (or repair) the location-scoped Traefik of {pool}. Until then, read this pool&apos;s check
        failures as a routing problem, not as failing applications.
      </p>
    </section>
  );
}
