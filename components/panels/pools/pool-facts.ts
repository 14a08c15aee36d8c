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

export const formatPct = (pct: number | null) =>
  pct === null ? '–' : `${pct.toFixed(pct >= 99.95 ? 2 : 1)}%`;
