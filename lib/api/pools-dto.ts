/**
 * Wire shapes of GET /api/v1/pools and …/pools/{pool}/latency, inferred from schemas/pools.ts; the mapper from
 * the domain is to-pool-dto.ts.
 */
export type {
  PoolBackendDto,
  PoolDto,
  PoolLatencyDto,
  PoolLatencyPointDto,
  PoolNodeDto,
  PoolServerDto,
  PoolsDto,
} from './schemas/pools';

export function noLocalTraefikWarning(pool: string): string {
  return (
    `No Ready Traefik pod runs in ${pool}: its svclb pods forward to a Traefik in another location, so HAProxy ` +
    `health checks cross locations and flap. Run this location's Traefik (or fix it) before trusting these servers.`
  );
}
