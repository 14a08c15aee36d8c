/**
 * Wire shapes of the routing part of GET /api/v1/pools: `routes` (each BACKEND_HOSTS backend with its
 * IngressRoutes and the pools whose Traefik serves it) and `poolServices` (each pool's lbpool Services).
 * Browser-safe: zod only, nothing server-side. The mapper from the domain is lib/pools/server/routes-service.ts.
 */
import { z } from 'zod';
import { name } from './common';

export const BackendRoutingPoolDtoSchema = z
  .object({
    pool: z.string(),
    traefikLocal: z.boolean().nullable().meta({
      description:
        'a Ready Traefik runs in the pool; false: its svclb pods forward to another location; null: unknown (no Kubernetes, or servers on no node)',
    }),
    servers: z.array(z.string()).meta({
      description: 'the backend servers placed in this pool (a server seen by two sources counts once)',
    }),
  })
  .meta({ id: 'BackendRoutingPool' });

export const BackendRoutingDtoSchema = z
  .object({
    backend: z
      .string()
      .meta({ description: 'HAProxy backend name from BACKEND_HOSTS, grouped across sources' }),
    host: z.string().meta({ description: 'the Host its health check sends' }),
    instances: z.array(z.string()).meta({ description: 'sources reporting a backend of this name' }),
    ingressRoutes: z.array(z.string()).meta({
      description:
        'namespace/name of the IngressRoutes (traefik.io or traefik.containo.us) whose Host(...) is the host',
    }),
    pools: z.array(BackendRoutingPoolDtoSchema),
  })
  .meta({ id: 'BackendRouting' });

export const PoolServicesDtoSchema = z
  .object({
    pool: z.string(),
    services: z.array(z.string()).meta({
      description: 'namespace/name of the Services labelled svccontroller.k3s.cattle.io/lbpool=<pool>',
    }),
  })
  .meta({ id: 'PoolServices' });

export const RoutesDtoSchema = z.object({
  routes: z.array(BackendRoutingDtoSchema),
  poolServices: z.array(PoolServicesDtoSchema),
});

/** GET /api/v1/routes?backend=: one backend's routing (the backend page), without the whole pools response. */
export const RoutesQuery = z.object({
  backend: name('a BACKEND_HOSTS backend: only its routing and the pools it touches').optional(),
});

export type BackendRoutingPoolDto = z.infer<typeof BackendRoutingPoolDtoSchema>;
export type BackendRoutingDto = z.infer<typeof BackendRoutingDtoSchema>;
export type PoolServicesDto = z.infer<typeof PoolServicesDtoSchema>;
export type RoutesDto = z.infer<typeof RoutesDtoSchema>;
