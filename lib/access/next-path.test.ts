import { expect, test } from 'vitest';
import { safeNextPath } from './next-path';

test.each([
  ['/pools?x=1', '/pools?x=1'],
  ['/backends/eu/be_web', '/backends/eu/be_web'],
  [null, '/'],
  ['', '/'],
  ['https://evil.example/', '/'],
  ['//evil.example/', '/'],
  ['/\\evil.example', '/'],
  ['/ok\nSet-Cookie: x', '/'],
  ['/signin?next=/x', '/'],
  ['pools', '/'],
])('next=%j → %j', (next, expected) => {
  expect(safeNextPath(next)).toBe(expected);
});
