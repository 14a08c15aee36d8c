import { expect, test } from 'vitest';
import type { CheckResult } from '@/lib/health/types';
import { checkView } from './check-view';

const check = (overrides: Partial<CheckResult>): CheckResult => ({
  status: 'L7OK',
  inProgress: false,
  code: 200,
  durationMs: 2,
  description: null,
  lastCheck: null,
  rise: null,
  fall: null,
  health: null,
  ...overrides,
});

test.each([
  [{ status: null }, '–', 'No health check', false],
  [{}, 'L7OK 200', 'L7OK 200', false],
  [
    { status: 'L7STS', code: 503, description: 'Layer7 wrong status', lastCheck: 'Service Unavailable' },
    'L7STS 503',
    'L7STS 503 — Layer7 wrong status / Service Unavailable',
    true,
  ],
  [
    { status: 'L4CON', code: null, description: 'Connection refused', lastCheck: 'Connection refused' },
    'L4CON',
    'L4CON — Connection refused',
    true,
  ],
  [
    { status: 'L7TOUT', code: null, inProgress: true, rise: 2, fall: 3, health: 2 },
    'L7TOUT',
    'L7TOUT (check in progress) · health 2 (rise 2, fall 3)',
    true,
  ],
  [{ status: 'INI', code: null }, 'INI', 'INI', false],
])('%o → "%s"', (overrides, text, tooltip, failing) => {
  expect(checkView(check(overrides))).toEqual({ text, tooltip, failing });
});
