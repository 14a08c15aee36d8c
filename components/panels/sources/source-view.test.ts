import { expect, test } from 'vitest';
import type { InstanceDto } from '@/lib/api/snapshot-dto';
import { errorMessage, sameProcessView, sourceView } from './source-view';

const instance = (overrides: Partial<InstanceDto>): InstanceDto => ({
  name: 'lb1',
  kind: 'http',
  ok: true,
  error: null,
  errorKind: null,
  lastPollAt: '2026-01-01T00:00:00.000Z',
  lastSuccessAt: '2026-01-01T00:00:00.000Z',
  nextPollAt: '2026-01-01T00:00:02.000Z',
  consecutiveFailures: 0,
  pollDurationMs: 4,
  version: '2.6.12',
  pid: 1,
  uptimeSec: 60,
  sameProcessAs: [],
  counted: true,
  ...overrides,
});

test.each([
  [{}, 'ok', 'OK', false, false],
  [{ ok: false, lastPollAt: null, lastSuccessAt: null }, 'pending', 'WAITING', false, false],
  [{ ok: false, error: 'HTTP 500', errorKind: 'http', lastSuccessAt: null }, 'error', 'ERROR', true, false],
  [{ ok: false, error: 'timeout', errorKind: 'timeout' }, 'error', 'ERROR', false, true],
])('%o → %s', (overrides, tone, label, neverSucceeded, stale) => {
  expect(sourceView(instance(overrides))).toMatchObject({ tone, label, neverSucceeded, stale });
});

test('backing off once failures repeat', () => {
  expect(sourceView(instance({ ok: false, error: 'x', consecutiveFailures: 1 })).backingOff).toBe(false);
  expect(sourceView(instance({ ok: false, error: 'x', consecutiveFailures: 3 })).backingOff).toBe(true);
});

test.each([
  ['HTTP 401 Unauthorized', 'auth', 'HTTP 401 Unauthorized — check the credentials in the source URL'],
  [
    'HTTP 401 Unauthorized: check the credentials in the source URL',
    'auth',
    'HTTP 401 Unauthorized: check the credentials in the source URL',
  ],
  ['garbled: bad row', 'garbled', 'garbled: bad row'],
  ['whatever', null, 'whatever'],
])('errorMessage(%s, %s)', (error, kind, text) => {
  expect(errorMessage(error, kind)).toBe(text);
});

test.each([
  [[], true, null, null],
  [['lb-sock'], true, 'same process as lb-sock', null],
  [['lb-http'], false, 'same process as lb-http', 'servers counted under lb-http'],
  [['a', 'b'], false, 'same process as a, b', 'servers counted under one of them'],
] as const)('same process as %o, counted %s → %s / %s', (sameProcessAs, counted, sameProcess, elsewhere) => {
  expect(sameProcessView({ sameProcessAs: [...sameProcessAs], counted })).toEqual({
    sameProcess,
    countedElsewhere: elsewhere,
  });
  expect(sourceView(instance({ sameProcessAs: [...sameProcessAs], counted })).sameProcess).toBe(sameProcess);
});
