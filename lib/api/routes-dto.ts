/**
 * Wire shapes of the routing part of GET /api/v1/pools and of GET /api/v1/routes, inferred from schemas/routes.ts;
 * the mapper from the domain is lib/pools/server/routes-service.ts.
 */
export type { BackendRoutingDto, BackendRoutingPoolDto, PoolServicesDto, RoutesDto } from './schemas/routes';
