/** Fixtures shared by the routing tests of the server (routes-service) and of the pool page (routes-view). */
import type { BackendRouting } from './backend-routing';

/** A backend served by pool-a's own Traefik and, through pool-c (no Traefik of its own), across locations. */
export const CODE_ROUTING: BackendRouting = {
  backend: 'code',
  host: 'code.example.com',
  instances: ['main'],
  ingressRoutes: ['apps/code'],
  pools: [
    { pool: 'pool-a', traefikLocal: true, servers: ['agent1'] },
    { pool: 'pool-c', traefikLocal: false, servers: ['agent3'] },
  ],
};
