import { expect, test } from 'vitest';
import { httpRates } from '@/lib/testing/http-rates';
import { noTraffic } from './traffic-rates';
import { http5xxShareReaches, http5xxSharePct, httpResponseRate } from './http-share';
import type { TrafficRates } from './types';

test.each<[string, TrafficRates, number | null, number | null, boolean]>([
  // rates, responses/s, 5xx %, reaches 5 %
  ['first poll or tcp mode: nothing known', noTraffic(), null, null, false],
  ['no response in the interval', httpRates(), 0, null, false],
  ['29 of 100 is 29 %, exactly', httpRates({ http2xx: 71, http5xx: 29 }), 100, 29, true],
  [
    'every class is a response, 4xx too',
    httpRates({ http1xx: 1, http3xx: 2, http4xx: 92, httpOther: 0, http5xx: 5 }),
    100,
    5,
    true,
  ],
  ['4.9 of 100 stays below 5', httpRates({ http2xx: 95.1, http5xx: 4.9 }), 100, 4.9, false],
  ['one class unknown: unknown', httpRates({ http2xx: 1, http5xx: 9, httpOther: null }), null, null, false],
])('%s', (_, rates, responses, pct, reaches) => {
  expect(httpResponseRate(rates)).toBe(responses);
  if (pct === null) expect(http5xxSharePct(rates)).toBeNull();
  else expect(http5xxSharePct(rates)).toBeCloseTo(pct, 9);
  expect(http5xxShareReaches(rates, 5)).toBe(reaches);
});
