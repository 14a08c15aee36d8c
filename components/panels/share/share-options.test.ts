import { expect, test } from 'vitest';
import { initialShareOptions } from './share-options';

test.each([
  ['uptime', '24h', 280],
  ['latency', '1h', 280],
  ['backend', '1h', 260],
  ['server', '1h', 230],
  ['alerts', '1h', 160],
  ['pool-matrix', '1h', 220],
  ['pool', '1h', 280],
] as const)('%s opens on range %s, height %i', (panel, range, height) => {
  expect(initialShareOptions(panel)).toEqual({
    theme: 'auto',
    range,
    title: true,
    legend: true,
    transparent: false,
    height,
  });
});
