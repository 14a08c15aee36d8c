import { expect, test } from 'vitest';
import { auditPageKey } from './use-audit';

const entry = (seq: number) => ({
  seq,
  at: '2026-01-01T00:00:00.000Z',
  actor: 'admin',
  action: 'user.create',
  target: null,
  detail: null,
});

test.each([
  ['the first page', 0, null, '/api/v1/audit?limit=2'],
  [
    'a full page: the entries before its last',
    1,
    { entries: [entry(9), entry(7)] },
    '/api/v1/audit?limit=2&before=7',
  ],
  ['a short page: nothing more', 2, { entries: [entry(3)] }, null],
  ['an empty page: nothing more', 2, { entries: [] }, null],
])('%s', (_, index, previous, key) => {
  expect(auditPageKey(index, previous, 2)).toBe(key);
});
