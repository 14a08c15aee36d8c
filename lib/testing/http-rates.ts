import { noTraffic } from '@/lib/health/traffic-rates';
import type { TrafficRates } from '@/lib/health/types';

/** Rates of an HTTP proxy for tests: every response class 0 unless named (HAProxy reports all or, in tcp mode, none). */
export function httpRates(rates: Partial<TrafficRates> = {}): TrafficRates {
  return {
    ...noTraffic(),
    http1xx: 0,
    http2xx: 0,
    http3xx: 0,
    http4xx: 0,
    http5xx: 0,
    httpOther: 0,
    ...rates,
  };
}
