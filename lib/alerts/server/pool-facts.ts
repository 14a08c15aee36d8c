import 'server-only';
import type { PoolFacts } from '@/lib/alerts/alert-rules';
import { UNASSIGNED_POOL } from '@/lib/health/topology';
import type { PoolsView } from '@/lib/pools/server/pools-model';

/** Pool facts cost a pass over every server's recent checks: refreshed at most this often for the rules. */
const POOL_FACTS_REFRESH_MS = 5_000;

/** What the pool rules read, or null while pool facts are unknown (Kubernetes enabled but not answering). */
export function toPoolFacts(view: PoolsView): PoolFacts[] | null {
  const { kubernetes } = view;
  if (kubernetes.enabled && !kubernetes.ok) return null;
  return view.pools
    .filter((pool) => pool.name !== UNASSIGNED_POOL)
    .map((pool) => ({
      name: pool.name,
      traefikLocal: kubernetes.ok && pool.nodes.length > 0 ? pool.traefikLocal : null,
      checkLatencyMs: { p95: pool.checkLatencyMs.p95 },
    }));
}

/** The engine's pool lookup: facts from `view(now)`, cached for a few seconds. */
export function cachedPoolFacts(view: (now: number) => PoolsView): (now: number) => PoolFacts[] | null {
  let cached: { at: number; value: PoolFacts[] | null } | null = null;
  return (now) => {
    if (cached && now - cached.at < POOL_FACTS_REFRESH_MS) return cached.value;
    cached = { at: now, value: toPoolFacts(view(now)) };
    return cached.value;
  };
}
