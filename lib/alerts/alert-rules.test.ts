import { describe, expect, test } from 'vitest';
import { emptyFlapState, setFlap, type FlapBook, type FlapState } from '@/lib/health/flapping';
import { syntheticBackend, syntheticServer } from '@/lib/health/synthetic-server';
import type { Backend, Server, ServerStatus } from '@/lib/health/types';
import { DEFAULT_ALERT_SETTINGS, evaluateAlertRules, type AlertRuleInputs } from './alert-rules';

const server = (name: string, status: ServerStatus, extra: Partial<Server> = {}): Server =>
  syntheticServer(name, { status, lastChangeSec: 1, ...extra });

const backend = (name: string, servers: Server[], extra: Partial<Backend> = {}): Backend => ({
  ...syntheticBackend('main', name, servers),
  activeUp: 1,
  activeTotal: 1,
  ...extra,
});

const flapping = (changes: number): FlapState => ({
  ...emptyFlapState(),
  states: Array(21).fill(true),
  flapping: true,
  changes,
  percent: 40,
});
function book(entries: [string, string, string, FlapState][]): FlapBook {
  const flaps: FlapBook = new Map();
  for (const [instance, backendName, serverName, state] of entries)
    setFlap(flaps, instance, backendName, serverName, state);
  return flaps;
}
const inputs = (partial: Partial<AlertRuleInputs>): AlertRuleInputs => ({
  sources: [],
  backends: [],
  flaps: new Map(),
  pools: [],
  ...partial,
});
const evaluate = (partial: Partial<AlertRuleInputs>) =>
  evaluateAlertRules(inputs(partial), DEFAULT_ALERT_SETTINGS);

describe('evaluateAlertRules', () => {
  test('healthy: no conditions', () => {
    expect(
      evaluate({
        backends: [backend('be', [server('a', 'UP')])],
        sources: [{ name: 'main', ok: true, error: null }],
      }),
    ).toEqual([]);
  });

  test.each([
    ['DOWN', 1],
    ['MAINT', 0],
    ['DRAIN', 0],
    ['UP', 0],
    ['NOCHECK', 0],
  ] as const)('a server %s → %i down condition(s) (MAINT and DRAIN are planned)', (status, count) => {
    const found = evaluate({ backends: [backend('be', [server('a', status)])] }).filter(
      (c) => c.kind === 'down',
    );
    expect(found).toHaveLength(count);
  });

  test('a DOWN server waits out the grace and says why', () => {
    const agent = server('agent1', 'DOWN', {
      pool: 'pool-a',
      check: { ...server('x', 'UP').check, status: 'L7STS', code: 503 },
    });
    const [condition] = evaluate({ backends: [backend('codeserver', [agent])] });
    expect(condition).toMatchObject({
      id: 'down:main/codeserver/agent1',
      graceMs: DEFAULT_ALERT_SETTINGS.downGraceMs,
      summary: 'agent1 in pool-a is DOWN, check L7STS 503',
      target: { instance: 'main', backend: 'codeserver', server: 'agent1', pool: 'pool-a' },
    });
  });

  test('serving from backup and no usable server are backend alerts', () => {
    const kinds = evaluate({
      backends: [
        backend('b1', [], {
          servingFromBackup: true,
          activeTotal: 1,
          activeUp: 0,
          backupUp: 1,
          backupTotal: 2,
        }),
        backend('b2', [], { noUsableServer: true }),
      ],
    }).map((c) => [c.id, c.kind]);
    expect(kinds).toEqual([
      ['backup-only:main/b1', 'backup-only'],
      ['down:main/b2', 'down'],
    ]);
  });

  test('a failing source', () => {
    expect(evaluate({ sources: [{ name: 'eu', ok: false, error: 'timeout' }] })).toMatchObject([
      { id: 'source-error:eu', kind: 'source-error', summary: 'source eu cannot be polled: timeout' },
    ]);
  });

  test('flapping servers of one pool are grouped under one "pool unstable" alert', () => {
    const servers = ['s1', 's2', 's3'].map((name) =>
      server(name, 'UP', { pool: name === 's3' ? 'pool-b' : 'pool-a' }),
    );
    const flaps = book(servers.map((s) => ['main', 'be', s.name, flapping(6)]));
    const conditions = evaluate({ backends: [backend('be', servers)], flaps });
    expect(conditions.map((c) => [c.id, c.groupId])).toEqual([
      ['flapping:pool:pool-a', null],
      ['flapping:main/be/s1', 'flapping:pool:pool-a'],
      ['flapping:main/be/s2', 'flapping:pool:pool-a'],
      ['flapping:main/be/s3', null],
    ]);
    expect(conditions[1]!.summary).toBe('s1 in pool-a flapped 6 times in 42 s, check L7OK 200');
  });

  test('one server seen through two sources is one flapping server of its pool, not two', () => {
    const seen = (instance: string) => ({
      ...backend('be', [server('s1', 'UP', { pool: 'pool-a' })]),
      instance,
    });
    const flaps = book(['main', 'sock'].map((i) => [i, 'be', 's1', flapping(6)]));
    const ids = evaluate({ backends: [seen('main'), seen('sock')], flaps }).map((c) => c.id);
    expect(ids).toEqual(['flapping:main/be/s1', 'flapping:sock/be/s1']);
  });

  test('the down and backup-only alerts of a flapping server are grouped under its flap alert', () => {
    const agent = server('agent1', 'DOWN');
    const flaps = book([['main', 'code', 'agent1', flapping(8)]]);
    const conditions = evaluate({
      backends: [
        backend('code', [agent], { servingFromBackup: true, activeUp: 0, backupUp: 1, backupTotal: 1 }),
      ],
      flaps,
    });
    expect(conditions.map((c) => [c.id, c.groupId])).toEqual([
      ['backup-only:main/code', 'flapping:main/code/agent1'],
      ['down:main/code/agent1', 'flapping:main/code/agent1'],
      ['flapping:main/code/agent1', null],
    ]);
  });

  test.each([
    [{ name: 'p', traefikLocal: false, checkLatencyMs: { p95: 10 } }, ['no-local-traefik:p']],
    [{ name: 'p', traefikLocal: null, checkLatencyMs: { p95: 900 } }, ['latency:p']],
    [{ name: 'p', traefikLocal: true, checkLatencyMs: { p95: 500 } }, []],
  ])('pool %j → %j', (pool, ids) => {
    expect(evaluate({ pools: [pool] }).map((c) => c.id)).toEqual(ids);
  });
});
