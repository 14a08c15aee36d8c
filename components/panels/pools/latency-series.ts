/** The pool latency endpoint's points as chart points (epoch ms); the binning is the server's. Pure. */
import type { PoolLatencyDto } from '@/lib/api/pools-dto';
import type { PoolLatencyPoint } from '../../charts/pool-latency-chart';

export function toPoolLatencyPoints(dto: Pick<PoolLatencyDto, 'points'>): PoolLatencyPoint[] {
  return dto.points.map((p) => ({ t: Date.parse(p.at), p95: p.p95, max: p.max }));
}
