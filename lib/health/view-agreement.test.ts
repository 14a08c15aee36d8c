import { expect, test } from 'vitest';
import { syntheticBackend, syntheticServer } from './synthetic-server';
import type { ServerStatus } from './types';
import { checkVerdict, compareViews, disagreementsByServer, viewsText } from './view-agreement';

const view = (instance: string, statuses: Record<string, ServerStatus>, backend = 'web') => ({
  instance,
  backends: [
    syntheticBackend(
      instance,
      backend,
      Object.entries(statuses).map(([name, status]) => syntheticServer(name, { status })),
    ),
  ],
});

test.each([
  ['UP', 'reaches'],
  ['NOLB', 'reaches'],
  ['DRAIN', 'reaches'],
  ['DOWN', 'cannot-reach'],
  ['MAINT', 'no-opinion'],
  ['NOCHECK', 'no-opinion'],
] as const)('%s → %s', (status, verdict) => {
  expect(checkVerdict(status)).toBe(verdict);
});

test.each([
  ['UP', 'UP', true],
  ['DOWN', 'DOWN', true],
  ['UP', 'DOWN', false],
  ['DOWN', 'NOLB', false],
  ['DRAIN', 'DOWN', false],
  ['MAINT', 'DOWN', true],
  ['MAINT', 'UP', true],
  ['NOCHECK', 'DOWN', true],
  ['UP', 'DRAIN', true],
] as const)('lb-a says %s, lb-b says %s → agree %s', (a, b, agree) => {
  const [entry] = compareViews([view('lb-a', { s1: a }), view('lb-b', { s1: b })]);
  expect(entry).toMatchObject({ backend: 'web', server: 's1', agree });
  expect(entry?.views.map((v) => [v.instance, v.status])).toEqual([
    ['lb-a', a],
    ['lb-b', b],
  ]);
});

test('one view alone compares nothing; a server only one view lists is left out', () => {
  expect(compareViews([view('lb-a', { s1: 'DOWN' })])).toEqual([]);
  const found = compareViews([view('lb-a', { s1: 'UP', s2: 'DOWN' }), view('lb-b', { s1: 'UP' })]);
  expect(found.map((e) => e.server)).toEqual(['s1']);
});

test('the same server name in two backends is two servers', () => {
  const found = compareViews([
    {
      instance: 'lb-a',
      backends: [...view('lb-a', { s1: 'UP' }).backends, ...view('lb-a', { s1: 'DOWN' }, 'api').backends],
    },
    {
      instance: 'lb-b',
      backends: [...view('lb-b', { s1: 'UP' }).backends, ...view('lb-b', { s1: 'UP' }, 'api').backends],
    },
  ]);
  expect(found.map((e) => [e.backend, e.agree])).toEqual([
    ['web', true],
    ['api', false],
  ]);
});

test('disagreements are keyed backend/server', () => {
  const found = disagreementsByServer([
    view('lb-a', { s1: 'UP', s2: 'UP' }),
    view('lb-b', { s1: 'DOWN', s2: 'UP' }),
  ]);
  expect([...found.keys()]).toEqual(['web/s1']);
});

test('each view in words, with the failing check', () => {
  const [entry] = compareViews([view('lb-a', { s1: 'UP' }), view('lb-b', { s1: 'DOWN' })]);
  expect(viewsText(entry!.views)).toBe('UP on lb-a, DOWN on lb-b (L7STS 503)');
});
