import { describe, expect, test } from 'vitest';
import { noTraffic } from '@/lib/health/traffic-rates';
import { httpRates } from '@/lib/testing/http-rates';
import { emptyResponseWindow, observeResponses, RESPONSE_WINDOW_MS, windowRates } from './response-window';

describe('a backend’s responses over the last minute', () => {
  test('intervals weigh by their length: 10/s for 2 s and 0/s for 8 s is 2/s', () => {
    const window = emptyResponseWindow();
    observeResponses(window, httpRates(), 0); // the first poll only starts the window
    expect(windowRates(window)).toBeNull();
    observeResponses(window, httpRates({ http5xx: 10, http2xx: 10 }), 2000);
    observeResponses(window, httpRates({ http2xx: 10 }), 10_000);
    const rates = windowRates(window)!;
    expect(rates.http5xx).toBeCloseTo(2, 9); // 20 errors in 10 s
    expect(rates.http2xx).toBeCloseTo(10, 9); // 100 in 10 s
    expect(rates.bytesIn).toBeNull();
  });

  test('a quiet backend at 1 request/s, one in five a 5xx: a 2 s interval often holds none, the minute holds 12', () => {
    const window = emptyResponseWindow();
    // polls 2 s apart, 2 requests an interval; the interval ending every 10 s holds 2 errors
    for (let at = 0; at <= 60_000; at += 2000) {
      const errors = at > 0 && at % 10_000 === 0 ? 2 : 0;
      observeResponses(window, httpRates({ http5xx: errors / 2, http2xx: (2 - errors) / 2 }), at);
    }
    const rates = windowRates(window)!;
    expect(rates.http5xx).toBeCloseTo(0.2, 9); // 12 in 60 s
    expect(rates.http2xx).toBeCloseTo(0.8, 9);
  });

  test('intervals older than the window fall out', () => {
    const window = emptyResponseWindow();
    observeResponses(window, httpRates(), 0);
    observeResponses(window, httpRates({ http5xx: 50 }), 2000);
    observeResponses(window, httpRates({ http2xx: 1 }), 2000 + RESPONSE_WINDOW_MS);
    const rates = windowRates(window)!;
    expect(rates.http5xx).toBe(0);
    expect(rates.http2xx).toBe(1);
    expect(window.intervals).toHaveLength(1);
  });

  test('unknown rates (a first poll, tcp mode) add nothing', () => {
    const window = emptyResponseWindow();
    observeResponses(window, noTraffic(), 0);
    observeResponses(window, noTraffic(), 2000);
    expect(windowRates(window)).toBeNull();
    observeResponses(window, httpRates({ http5xx: 1 }), 4000);
    expect(windowRates(window)!.http5xx).toBe(1);
  });
});
