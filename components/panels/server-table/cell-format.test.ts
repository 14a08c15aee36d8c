import { expect, test } from 'vitest';
import { noTraffic } from '@/lib/health/traffic-rates';
import { httpRates } from '@/lib/testing/http-rates';
import type { TrafficRates } from '@/lib/health/types';
import { format5xxRate, formatLastSession, formatThrottle } from './cell-format';

test.each<[number | null, string]>([
  [null, 'never'],
  [0, '0s'],
  [42, '42s'],
  [3725, '1h 02m'],
  [3 * 86_400, '3d 0h'],
])('last session %s s → %s', (sec, text) => {
  expect(formatLastSession(sec)).toBe(text);
});

test.each<[Partial<TrafficRates>, string]>([
  [noTraffic(), '–'], // first poll: no rates yet
  [{ http2xx: 10, http5xx: 0 }, '0/s'],
  [{ http2xx: 7.5, http5xx: 2.5 }, '2.5/s · 25%'],
  [{ http2xx: 999, http5xx: 0.01 }, '0.01/s · 0.0%'],
  [{ http5xx: 12 }, '12/s · 100%'],
])('5xx rate %j → %s', (rates, text) => {
  expect(format5xxRate(httpRates(rates))).toBe(text);
});

test.each<[number | null, string]>([
  [null, '–'],
  [25, '25%'],
])('throttle %s → %s', (pct, text) => {
  expect(formatThrottle(pct)).toBe(text);
});
