import { expect, test } from 'vitest';
import { syntheticBackend, syntheticServer } from '@/lib/health/synthetic-server';
import type { ServerStatus } from '@/lib/health/types';
import { disagreementLookup } from './view-disagreement';

const backends = (instance: string, node1: ServerStatus) => [
  syntheticBackend(instance, 'web', [
    syntheticServer('node1', { status: node1 }),
    syntheticServer('node2', { status: 'UP' }),
  ]),
];
const instance = (
  name: string,
  extra: { ok?: boolean; counted?: boolean; sameProcessAs?: string[] } = {},
) => ({
  name,
  ok: true,
  counted: true,
  sameProcessAs: [],
  ...extra,
});

test('a pair where one load balancer cannot reach node1: flagged on both views, node2 not', () => {
  const of = disagreementLookup(
    [instance('lb-a'), instance('lb-b')],
    [...backends('lb-a', 'UP'), ...backends('lb-b', 'DOWN')],
  );
  expect(of('lb-a', 'web', 'node1')?.views.map((v) => `${v.instance}:${v.status}`)).toEqual([
    'lb-a:UP',
    'lb-b:DOWN',
  ]);
  expect(of('lb-b', 'web', 'node1')?.agree).toBe(false);
  expect(of('lb-a', 'web', 'node2')).toBeNull();
});

test("a second source of lb-b's process shows lb-b's disagreement; a failing view compares nothing", () => {
  const sources = [
    instance('lb-a'),
    instance('lb-b', { sameProcessAs: ['lb-b-sock'] }),
    instance('lb-b-sock', { counted: false, sameProcessAs: ['lb-b'] }),
  ];
  const all = [...backends('lb-a', 'UP'), ...backends('lb-b', 'DOWN'), ...backends('lb-b-sock', 'DOWN')];
  expect(disagreementLookup(sources, all)('lb-b-sock', 'web', 'node1')?.agree).toBe(false);
  const failing = sources.map((s) => (s.name === 'lb-a' ? { ...s, ok: false } : s));
  expect(disagreementLookup(failing, all)('lb-b', 'web', 'node1')).toBeNull();
});

test('two sources of one process are one view: nothing to compare', () => {
  const of = disagreementLookup(
    [
      instance('http', { sameProcessAs: ['sock'] }),
      instance('sock', { counted: false, sameProcessAs: ['http'] }),
    ],
    [...backends('http', 'UP'), ...backends('sock', 'DOWN')],
  );
  expect(of('http', 'web', 'node1')).toBeNull();
});
