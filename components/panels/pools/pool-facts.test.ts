import { expect, test } from 'vitest';
import { flappingText } from './pool-facts';

test.each([
  [0, null],
  [1, '1 server flapping'],
  [3, '3 servers flapping'],
])('%i flapping servers read %s', (flappingServers, text) => {
  expect(flappingText({ flappingServers })).toBe(text);
});
