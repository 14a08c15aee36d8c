import { expect, test } from 'vitest';
import type { HistoryWrite, SampleRow } from './history-writes';
import { groupUpdates, splitCreations } from './poll-batches';

const UP = { status: 'UP', transition: null } as const;
const DOWN = { status: 'DOWN', transition: null } as const;
const row = (sessions: number) => ({ sessions }) as SampleRow;

test('creations first, named by their provisional ids; updates name stored ids, the last of each row winning', () => {
  const writes: HistoryWrite[] = [
    { kind: 'start-coverage', ref: -1, instanceId: 1, at: 1000 },
    {
      kind: 'server',
      ref: -2,
      instanceId: 1,
      server: { backend: 'web', name: 'a', backup: false, pool: null },
      at: 1000,
      point: UP,
    },
    { kind: 'sample', serverId: -2, at: 1000, row: row(1) },
    { kind: 'server-state', serverId: 7, point: DOWN },
    { kind: 'sample', serverId: 7, at: 1000, row: row(2) },
    { kind: 'server-state', serverId: 7, point: UP },
    { kind: 'sample', serverId: 7, at: 1000, row: row(3) },
    { kind: 'extend-coverage', coverageId: -1, to: 1500 },
    { kind: 'extend-coverage', coverageId: -1, to: 2000 },
  ];
  const creations = splitCreations(writes);
  expect(creations.newCoverage.map((c) => c.ref)).toEqual([-1]);
  expect(creations.newServers.map((s) => [s.ref, s.server.name])).toEqual([[-2, 'a']]);
  expect(creations.newBackends).toEqual([]);

  const stored = new Map([
    [-1, 40],
    [-2, 8],
  ]);
  const u = groupUpdates(writes, (ref) => (ref < 0 ? stored.get(ref)! : ref));
  expect([...u.coverageEnds.values()]).toEqual([{ id: 40, to: 2000 }]);
  expect([...u.serverStates.values()]).toEqual([{ id: 7, point: UP }]);
  expect([...u.samples.values()].map((s) => [s.serverId, s.at, s.row.sessions])).toEqual([
    [8, 1000, 1],
    [7, 1000, 3],
  ]);
});

test('transitions keep their order, reloads are all kept', () => {
  const change = (at: number) =>
    ({
      at,
      precisionMs: 0,
      kind: 'observed',
      from: UP,
      to: DOWN,
      checkStatus: null,
      checkCode: null,
      description: null,
    }) as const;
  const u = groupUpdates(
    [
      { kind: 'transition', serverId: 3, change: change(2) },
      { kind: 'reload', instanceId: 1, at: 5, pid: 10 },
      { kind: 'transition', serverId: 3, change: change(1) },
      { kind: 'reload', instanceId: 1, at: 6, pid: 11 },
    ],
    (ref) => ref,
  );
  expect(u.transitions.map((t) => t.change.at)).toEqual([2, 1]);
  expect(u.reloads.map((r) => r.pid)).toEqual([10, 11]);
});
