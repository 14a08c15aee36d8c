import { expect, test } from 'vitest';
import { toPoolLatencyPoints } from './latency-series';

test('each point keeps its p95 and max at its bucket time; gaps stay null', () => {
  const points = toPoolLatencyPoints({
    points: [
      { at: '2025-05-01T12:00:00.000Z', p50: 4, p95: 20, max: 100, samples: 21 },
      { at: '2025-05-01T12:01:00.000Z', p50: null, p95: null, max: null, samples: 0 },
    ],
  });
  expect(points).toEqual([
    { t: 1746100800000, p95: 20, max: 100 },
    { t: 1746100860000, p95: null, max: null },
  ]);
});
