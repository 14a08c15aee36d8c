/** Cell texts of the server table that say more than a number. Pure. */
import type { TrafficRates } from '@/lib/health/types';
import { formatDuration, formatPerSecond, formatShare } from '../../ui/format';
import { http5xxSharePct } from '@/lib/health/http-share';

/** lastsess: "never" when the server (or backend) was never given a session, else how long ago. */
export function formatLastSession(sec: number | null): string {
  return sec === null ? 'never' : formatDuration(sec);
}

/** "0/s", or "1.5/s · 12%" once there are 5xx: the rate and its share of all responses. */
export function format5xxRate(rates: TrafficRates): string {
  const rate = formatPerSecond(rates.http5xx);
  const share = http5xxSharePct(rates);
  return rates.http5xx && share !== null ? `${rate} · ${formatShare(share)}` : rate;
}

/** throttle: the slowstart percentage, or a dash when the server is not being throttled. */
export function formatThrottle(pct: number | null): string {
  return pct === null ? '–' : `${pct}%`;
}
