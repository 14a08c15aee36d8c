import { describe, expect, test } from 'vitest';
import { noTraffic } from '@/lib/health/traffic-rates';
import type { ProxyTimes, TrafficRates } from '@/lib/health/types';
import { httpRates } from '@/lib/testing/http-rates';
import { http5xxSharePct } from '@/lib/health/http-share';
import { is5xxAbnormal, isResponseTimeAbnormal, type AbnormalThresholds } from './abnormal';

const thresholds: AbnormalThresholds = { http5xxPct: 5, responseTimeMs: 1000 };
const rates = httpRates;
const times = (responseMs: number | null): ProxyTimes => ({
  queueMs: null,
  connectMs: null,
  responseMs,
  totalMs: null,
});

describe('5xx', () => {
  test.each<[string, Partial<TrafficRates>, number | null, boolean]>([
    ['first poll: no rates yet', { ...noTraffic() }, null, false],
    ['no responses at all', { http2xx: 0, http5xx: 0 }, null, false],
    ['no 5xx', { http2xx: 50, http5xx: 0 }, 0, false],
    ['just under 5 % (4.9 of 100.9)', { http2xx: 96, http5xx: 4.9 }, 4.856, false],
    ['exactly 5 %', { http2xx: 95, http5xx: 5 }, 5, true],
    ['every class counts as a response', { http1xx: 10, http3xx: 45, http4xx: 40, http5xx: 5 }, 5, true],
    ['only 5xx', { http5xx: 0.5 }, 100, true],
    ['a tcp-mode proxy has no HTTP counters', { ...noTraffic() }, null, false],
    ['a class unknown: the share is unknown', { http2xx: 1, http5xx: 9, httpOther: null }, null, false],
  ])('%s', (_, r, share, abnormal) => {
    const sharePct = http5xxSharePct(rates(r));
    if (share === null) expect(sharePct).toBeNull();
    else expect(sharePct).toBeCloseTo(share, 3);
    expect(is5xxAbnormal(rates(r), thresholds)).toBe(abnormal);
  });

  test('the threshold is the configured one', () => {
    const r = rates({ http2xx: 80, http5xx: 20 });
    expect(is5xxAbnormal(r, { ...thresholds, http5xxPct: 25 })).toBe(false);
    expect(is5xxAbnormal(r, { ...thresholds, http5xxPct: 20 })).toBe(true);
  });
});

test.each<[number | null, boolean]>([
  [null, false],
  [0, false],
  [999, false],
  [1000, true],
  [5400, true],
])('response time %s ms is abnormal: %s', (ms, abnormal) => {
  expect(isResponseTimeAbnormal(times(ms), thresholds)).toBe(abnormal);
});
