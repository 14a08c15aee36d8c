/** Small derived figures shared by the pool cards and the pool page. */
import { noLocalTraefikWarning, type PoolDto } from '@/lib/api/pools-dto';

export function nodeCounts(pool: PoolDto) {
  return {
    ready: pool.nodes.filter((n) => n.ready).length,
    total: pool.nodes.length,
    cordoned: pool.nodes.filter((n) => n.cordoned).length,
  };
}

/** The API's own warning for the failure hapscope exists for; the UI shows it apart from the rest. */
export function hasTraefikWarning(pool: PoolDto): boolean {
  return pool.warnings.includes(noLocalTraefikWarning(pool.name));
}

export function otherWarnings(pool: PoolDto): string[] {
  const traefik = noLocalTraefikWarning(pool.name);
  return pool.warnings.filter((w) => w !== traefik);
}

/** "3 servers flapping" (distinct servers flapping now); null when none is. */
export function flappingText(pool: Pick<PoolDto, 'flappingServers'>): string | null {
  const n = pool.flappingServers;
  if (n <= 0) return null;
  return `${n} ${n === 1 ? 'server' : 'servers'} flapping`;
}
