import type { PoolDto } from '@/lib/api/pools-dto';
import { Badge } from '../../ui/badge';
import { flappingText } from './pool-facts';

/** How many of the pool's servers are flapping now, beside its Traefik badge; nothing while none is. */
export function FlappingBadge({ pool }: { pool: Pick<PoolDto, 'flappingServers'> }) {
  const text = flappingText(pool);
  if (!text) return null;
  return (
    <Badge
      tone="going-down"
      shape="triangle-down"
      size="sm"
      data-testid="pool-flapping"
      data-flapping-servers={pool.flappingServers}
    >
      {text}
    </Badge>
  );
}
