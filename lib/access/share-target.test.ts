import { describe, expect, test } from 'vitest';
import type { EmbedPanel } from '@/lib/embeds/embed-params';
import { shareReader, signedInViewer } from '@/lib/testing/identities';
import {
  parseShareTarget,
  shareTargetProblem,
  targetHolds,
  toEmbedTarget,
  visibleTarget,
  type ShareTarget,
} from './share-target';

describe('parseShareTarget', () => {
  test.each<[string, ShareTarget]>([
    ['*', { type: 'all' }],
    ['main/api_backend', { type: 'backend', instance: 'main', backend: 'api_backend' }],
    ['main/api_backend/api1', { type: 'server', instance: 'main', backend: 'api_backend', server: 'api1' }],
    ['pool:pool-a', { type: 'pool', pool: 'pool-a' }],
    ['pool:', { type: 'nothing' }],
    ['main', { type: 'nothing' }],
    ['main//api1', { type: 'nothing' }],
    ['a/b/c/d', { type: 'nothing' }],
    ['', { type: 'nothing' }],
  ])('%j → %j', (key, expected) => {
    expect(parseShareTarget(key)).toEqual(expected);
  });
});

test('a person sees everything; a share its own target', () => {
  const share = shareReader('server', 'main/b/s', 'x');
  expect(visibleTarget(signedInViewer)).toEqual({ type: 'all' });
  expect(visibleTarget(undefined)).toEqual({ type: 'all' });
  expect(visibleTarget(share)).toEqual({ type: 'server', instance: 'main', backend: 'b', server: 's' });
});

describe('targetHolds', () => {
  const about = (
    instance: string | null,
    backend: string | null,
    server: string | null,
    pool: string | null,
  ) => ({
    instance,
    backend,
    server,
    pool,
  });
  const backend: ShareTarget = { type: 'backend', instance: 'main', backend: 'api' };
  const server: ShareTarget = { type: 'server', instance: 'main', backend: 'api', server: 'api1' };
  const pool: ShareTarget = { type: 'pool', pool: 'pool-a' };
  test.each<[string, ShareTarget, ReturnType<typeof about>, boolean]>([
    ['a backend share: the backend', backend, about('main', 'api', null, null), true],
    ['a backend share: its server', backend, about('main', 'api', 'api2', 'pool-a'), true],
    ['a backend share: the same name on another instance', backend, about('sock', 'api', null, null), false],
    ['a backend share: another backend', backend, about('main', 'web', null, null), false],
    ['a backend share: an instance alert', backend, about('main', null, null, null), false],
    ['a server share: the server', server, about('main', 'api', 'api1', null), true],
    ['a server share: its backend', server, about('main', 'api', null, null), false],
    ['a server share: a sibling', server, about('main', 'api', 'api2', null), false],
    ['a pool share: the pool', pool, about(null, null, null, 'pool-a'), true],
    ['a pool share: a server in the pool', pool, about('main', 'api', 'api1', 'pool-a'), true],
    ['a pool share: another pool', pool, about(null, null, null, 'pool-b'), false],
    ['everything', { type: 'all' }, about('x', null, null, null), true],
    ['nothing', { type: 'nothing' }, about('x', null, null, null), false],
  ])('%s', (_name, target, subject, expected) => {
    expect(targetHolds(target, subject)).toBe(expected);
  });
});

describe('shareTargetProblem', () => {
  test.each<[EmbedPanel, string, string | null]>([
    ['server', 'main/api/api1', null],
    ['server', '*', null],
    ['uptime', 'pool:pool-a', null],
    ['uptime', 'main/api', null],
    ['pool-matrix', '*', null],
    ['alerts', 'main/api/api1', null],
    [
      'server',
      'main/api',
      'target: the server panel needs instance, backend and server (or *), got "main/api"',
    ],
    ['pool', 'main/api', 'target: the pool panel needs pool (or *), got "main/api"'],
    ['pool-matrix', 'pool:pool-a', 'target: the pool-matrix panel needs no target (or *), got "pool:pool-a"'],
    [
      'backend',
      'main',
      'target: must be instance/backend/server, instance/backend, pool:<name> or *, got "main"',
    ],
  ])('%s %s → %s', (panel, key, expected) => {
    expect(shareTargetProblem(panel, key)).toBe(expected);
  });
});

test('toEmbedTarget: * is no target; a key of no known shape is none', () => {
  expect(toEmbedTarget(parseShareTarget('*'))).toEqual({ type: 'none' });
  expect(toEmbedTarget(parseShareTarget('pool:eu'))).toEqual({ type: 'pool', pool: 'eu' });
  expect(toEmbedTarget(parseShareTarget('x'))).toBeNull();
});
