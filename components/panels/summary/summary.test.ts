import { expect, test } from 'vitest';
import type { InstanceDto } from '@/lib/api/snapshot-dto';
import type { Backend } from '@/lib/health/types';
import { makeBackend, makeServer } from '../server-table/test-data';
import { countRows, countSources, sameSummary, type OverviewSummary } from './summary';

/** The summary bar's counts, as the overview puts them together. */
const summarize = (backends: Backend[], instances: InstanceDto[]): OverviewSummary => ({
  ...countRows(backends, new Set(backends.map((b) => b.instance))),
  ...countSources(instances),
});

const instance = (name: string, ok: boolean) => ({ name, ok }) as InstanceDto;

test('counts servers per look, backends by how they serve and failing sources', () => {
  const summary = summarize(
    [
      makeBackend({
        servers: [
          makeServer(),
          makeServer({ transition: 'going-down', statusText: 'UP 1/3' }),
          makeServer({ status: 'DOWN', statusText: 'DOWN' }),
          makeServer({ status: 'DOWN', transition: 'going-up', statusText: 'DOWN 1/2' }),
          makeServer({ status: 'NOCHECK', statusText: 'no check' }),
        ],
      }),
      makeBackend({ name: 'be_b', servingFromBackup: true, servers: [makeServer({ status: 'MAINT' })] }),
      makeBackend({ name: 'be_c', noUsableServer: true, servers: [] }),
    ],
    [instance('a', true), instance('b', false)],
  );
  expect(summary).toEqual({
    servers: 6,
    byLook: { up: 1, 'going-down': 1, down: 1, 'going-up': 1, maint: 1, drain: 0, nolb: 0, nocheck: 1 },
    backends: 3,
    backendsFromBackup: 1,
    backendsNoServer: 1,
    backendsProblem: 2,
    serversProblem: 4,
    sources: 2,
    sourcesFailing: 1,
  });
});

test('two sources reading one HAProxy process: its servers and backends count once, under the counted source', () => {
  const servers = [makeServer(), makeServer({ status: 'DOWN', statusText: 'DOWN' })];
  const read = (instance: string) => makeBackend({ instance, name: 'be_web', servers });
  const counts = countRows(
    [read('lb-http'), read('lb-sock'), read('lb-other')],
    new Set(['lb-http', 'lb-other']),
  );
  expect(counts.servers).toBe(4); // lb-http's two and lb-other's two; lb-sock is lb-http read again
  expect(counts.backends).toBe(2);
  expect(counts.byLook.down).toBe(2);
});

test('two summaries are the same when every count is, the counts per look included', () => {
  const summary: OverviewSummary = {
    servers: 3,
    byLook: { up: 2, 'going-down': 0, down: 1, 'going-up': 0, maint: 0, drain: 0, nolb: 0, nocheck: 0 },
    backends: 1,
    backendsFromBackup: 0,
    backendsNoServer: 0,
    backendsProblem: 0,
    serversProblem: 1,
    sources: 1,
    sourcesFailing: 0,
  };
  expect(sameSummary(summary, structuredClone(summary))).toBe(true);
  expect(sameSummary(summary, { ...summary, sourcesFailing: 1 })).toBe(false);
  expect(sameSummary(summary, { ...summary, byLook: { ...summary.byLook, up: 1, down: 2 } })).toBe(false);
});
