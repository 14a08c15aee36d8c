// The overview's worker side, fed as the worker feeds it: a snapshot loaded whole, then each poll's change as the
// server diffs it (diffSnapshots) and a tab applies it (applyDelta); the page's side (heldRows) put back together.
import { expect, test } from 'vitest';
import type { UptimeDto } from '@/lib/api/history-dto';
import type { SnapshotDto } from '@/lib/api/snapshot-dto';
import { syntheticBackend, syntheticServer } from '@/lib/health/synthetic-server';
import type { Backend, Frontend, Server } from '@/lib/health/types';
import {
  ageSec,
  anchorsOf,
  applyDelta,
  diffSnapshots,
  liveSnapshot,
  revisionOf,
  type DiffBase,
  type LiveSnapshot,
} from '@/lib/snapshot/snapshot-delta';
import type { SnapshotState } from '../../hooks/live-snapshot-source';
import { heldRows, rangeToAsk } from './overview-client';
import { OverviewModel } from './overview-model';
import { uptimeByKey } from './uptime-feed';
import type { OverviewView, WindowRow } from './overview-view';

const T0 = Date.parse('2026-12-07T01:00:00Z');

const instance = (name: string, at: number, extra = {}) => ({
  name,
  kind: 'http',
  ok: true,
  error: null,
  errorKind: null,
  lastPollAt: new Date(at).toISOString(),
  lastSuccessAt: new Date(at).toISOString(),
  nextPollAt: new Date(at + 2000).toISOString(),
  consecutiveFailures: 0,
  pollDurationMs: 5,
  version: '3.4.0',
  pid: 1,
  uptimeSec: 100,
  sameProcessAs: [],
  counted: true,
  ...extra,
});

function snapshotAt(at: number, backends: Backend[], frontends: Frontend[] = []): SnapshotDto {
  return {
    generatedAt: new Date(at).toISOString(),
    pollIntervalMs: 2000,
    instances: [instance('lb', at)],
    backends,
    frontends,
  } as unknown as SnapshotDto;
}

/** Three backends of four servers; `sessions` sets a server's current sessions by name. */
function fleet(at: number, sessions: Record<string, number> = {}, down: string[] = []): SnapshotDto {
  return snapshotAt(
    at,
    ['api', 'web', 'img'].map((b) =>
      syntheticBackend(
        'lb',
        b,
        [0, 1, 2, 3].map((i) => {
          const name = `${b}${i}`;
          return syntheticServer(name, {
            status: down.includes(name) ? 'DOWN' : 'UP',
            // HAProxy's lastchg grows by itself, a second a second.
            lastChangeSec: 100 + Math.floor((at - T0) / 1000),
            sessions: { current: sessions[name] ?? 0, max: 9, limit: null, total: 0 },
          });
        }),
      ),
    ),
  );
}

/** The tab's side of the stream: loads, then follows poll after poll. */
class Tab {
  private live: LiveSnapshot;
  private base: DiffBase;
  private generation = 0;
  readonly model = new OverviewModel();
  /** The page this tab's views go to. */
  readonly page = new Page();

  constructor(first: SnapshotDto) {
    this.live = liveSnapshot(first, 'g0');
    this.base = { snapshot: first, anchors: anchorsOf(first) };
    this.publish();
  }

  poll(next: SnapshotDto): void {
    const ids = { from: `g${this.generation}`, to: `g${this.generation + 1}` };
    const { delta, anchors } = diffSnapshots(this.base, next, ids);
    this.base = { snapshot: next, anchors };
    this.generation += 1;
    this.live = applyDelta(this.live, delta)!;
    this.publish();
  }

  /** The next view, as the page gets it: the page keeps the rows it holds. */
  view(): OverviewView {
    const view = this.model.view();
    this.page.receive(view);
    return view;
  }

  /** The keys of the rows the page shows after the next view. */
  keys(): string[] {
    this.view();
    return this.page.rows.map((r) => r.row.key);
  }

  private publish(): void {
    const live = this.live;
    const state: SnapshotState = {
      snapshot: live.snapshot,
      receivedAt: Date.parse(live.snapshot.generatedAt),
      clockOffsetMs: 0,
      pollIntervalMs: 2000,
      error: undefined,
      isLoading: false,
      ageOf: (row, name, field) => ageSec(live, row, name, field),
      revisionOf: (row) => revisionOf(live, row),
      layout: live.layout,
      shape: live.shape,
    };
    this.model.setSnapshot(state);
  }
}

/**
 * The page: gets each view as postMessage hands it over (a structured clone: nothing it holds is the worker's) and
 * keeps what each view leaves out, as OverviewClient does.
 */
class Page {
  rows: WindowRow[] = [];
  receive(view: OverviewView): WindowRow[] {
    this.rows = heldRows(structuredClone(view).window?.rows ?? [], this.rows);
    return this.rows;
  }
}

const keys = (rows: readonly WindowRow[]) => rows.map((r) => r.row.key);

test('a view holds the rows asked for, how many the query gives, and counts each server once', () => {
  const tab = new Tab(fleet(T0, {}, ['web2']));
  tab.model.apply({ kind: 'range', range: { start: 0, end: 6 } });
  const view = tab.view();
  expect(view.window?.count).toBe(15);
  expect(keys(tab.page.rows)).toEqual([
    'lb/api',
    'lb/api/api0',
    'lb/api/api1',
    'lb/api/api2',
    'lb/api/api3',
    'lb/web',
  ]);
  expect(view.summary).toMatchObject({ servers: 12, backends: 3, serversProblem: 1 });
  expect(view.summary.byLook.down).toBe(1);
  expect(view.tableServers).toBe(12);
  expect(view.shownServers).toBe(12);
});

test('no table asking: no rows are built or sent, the counts still are', () => {
  const tab = new Tab(fleet(T0));
  const view = tab.view();
  expect(view.window).toBeNull();
  expect(view.summary.servers).toBe(12);
});

test('what the page holds at the same version is not sent again; the page puts the rows back together', () => {
  const tab = new Tab(fleet(T0));
  const { page } = tab;
  tab.model.apply({ kind: 'range', range: { start: 0, end: 15 } });
  tab.view();
  const first = page.rows;
  expect(first).toHaveLength(15);

  tab.poll(fleet(T0 + 2000));
  const quiet = tab.view();
  expect(quiet.window!.rows.filter((r) => r.backend || r.server)).toEqual([]);
  const again = page.rows;
  expect(again.map((r) => r.server ?? r.backend)).toEqual(first.map((r) => r.server ?? r.backend)); // same objects

  tab.poll(fleet(T0 + 4000, { web1: 5 }));
  const busy = tab.view();
  const sent = busy.window!.rows.filter((r) => r.backend || r.server);
  expect(sent.map((r) => [r.row.key, r.backend !== undefined, r.server !== undefined])).toEqual([
    ['lb/web', true, false],
    ['lb/web/web0', true, false],
    ['lb/web/web1', true, true],
    ['lb/web/web2', true, false],
    ['lb/web/web3', true, false],
  ]);
  const rows = page.rows;
  expect(rows.find((r) => r.row.key === 'lb/web/web1')?.server?.sessions.current).toBe(5);
  expect(rows.find((r) => r.row.key === 'lb/web/web0')?.server).toBe(again[6]!.server);
  // A backend row is sent without its servers; it says how many it has.
  expect(rows.find((r) => r.row.key === 'lb/web')?.backend.servers).toEqual([]);
  expect(rows.find((r) => r.row.key === 'lb/web')?.row).toMatchObject({ matching: 4, total: 4 });

  // The tab changes web1 in place from now on: it is sent again for its new figure, its backend is not.
  tab.poll(fleet(T0 + 6000, { web1: 7 }));
  const again2 = tab.view().window!.rows.filter((r) => r.backend || r.server);
  expect(again2.map((r) => [r.row.key, r.backend !== undefined, r.server !== undefined])).toEqual([
    ['lb/web/web1', false, true],
  ]);
  expect(page.rows.find((r) => r.row.key === 'lb/web/web1')?.server?.sessions.current).toBe(7);
  tab.poll(fleet(T0 + 8000, { web1: 7 }));
  expect(tab.view().window!.rows.filter((r) => r.backend || r.server)).toEqual([]);
  expect(page.rows.find((r) => r.row.key === 'lb/web/web1')?.server?.sessions.current).toBe(7);
});

test('sorted by a figure the rows follow every poll', () => {
  const tab = new Tab(fleet(T0, { api2: 3 }));
  tab.model.apply({ kind: 'range', range: { start: 0, end: 3 } });
  tab.model.apply({ kind: 'query', query: { q: '', problems: false, sort: 'sessions', dir: 'desc' } });
  expect(tab.keys()).toEqual(['lb/api', 'lb/api/api2', 'lb/api/api0']);
  tab.poll(fleet(T0 + 2000, { api2: 3, api1: 7 }));
  expect(tab.keys()).toEqual(['lb/api', 'lb/api/api1', 'lb/api/api2']);
});

test('search and problems-only filter the rows; the count and the servers shown follow', () => {
  const tab = new Tab(fleet(T0, {}, ['img1']));
  tab.model.apply({ kind: 'range', range: { start: 0, end: 20 } });
  tab.model.apply({ kind: 'query', query: { q: 'web3', problems: false, sort: null, dir: 'asc' } });
  let view = tab.view();
  expect(keys(tab.page.rows)).toEqual(['lb/web', 'lb/web/web3']);
  expect(view.shownServers).toBe(1);
  expect(view.query.q).toBe('web3');
  tab.model.apply({ kind: 'query', query: { q: '', problems: true, sort: null, dir: 'asc' } });
  view = tab.view();
  expect(keys(tab.page.rows)).toEqual(['lb/img', 'lb/img/img1']);
  // A state change is a change of shape: the filter sees it at the next poll.
  tab.poll(fleet(T0 + 2000, {}, ['img1', 'api0']));
  expect(tab.keys()).toEqual(['lb/api', 'lb/api/api0', 'lb/img', 'lb/img/img1']);
});

test('collapsing: one backend, all, and back', () => {
  const tab = new Tab(fleet(T0));
  tab.model.apply({ kind: 'range', range: { start: 0, end: 20 } });
  tab.model.apply({ kind: 'toggle', key: 'lb/web' });
  expect(tab.view().window?.count).toBe(11);
  tab.model.apply({ kind: 'collapse-all', collapsed: true });
  const view = tab.view();
  expect(keys(tab.page.rows)).toEqual(['lb/api', 'lb/web', 'lb/img']);
  expect(view.window!.rows[0]!.row).toMatchObject({ collapsed: true, matching: 4 });
  tab.model.apply({ kind: 'collapse-all', collapsed: false });
  expect(tab.view().window?.count).toBe(15);
});

test('a row not sent again shows its ages as they grew since it was sent', () => {
  const tab = new Tab(fleet(T0));
  tab.model.apply({ kind: 'range', range: { start: 1, end: 2 } });
  expect(tab.view().window!.rows[0]!.ages[0]).toBe(100);
  // HAProxy's lastchg grows by itself: the server is unchanged, its row is not sent, its age is predicted.
  const later = fleet(T0 + 4000);
  for (const b of later.backends) for (const s of b.servers) (s as Server).lastChangeSec = 104;
  tab.poll(later);
  const row = tab.view().window!.rows[0]!;
  expect(row.server).toBeUndefined();
  expect(row.ages[0]).toBe(104);
});

test('frontends: the counts and the lines asked for, sent again only when they or the lines asked change', () => {
  const frontend = (name: string, status: string): Frontend =>
    ({
      instance: 'lb',
      name,
      mode: 'http',
      status,
      sessions: { current: 1, max: 2, limit: 100 },
      sessionRate: { current: 0, max: 0, limit: null },
      requestRate: { current: 0, max: 0 },
      counters: syntheticServer('x').counters,
      rates: syntheticServer('x').rates,
      listeners: [],
    }) as unknown as Frontend;
  const withFrontends = (at: number, fe: Frontend[]) => ({ ...fleet(at), frontends: fe }) as SnapshotDto;
  const tab = new Tab(
    withFrontends(T0, [frontend('www', 'OPEN'), frontend('api', 'FULL'), frontend('ws', 'OPEN')]),
  );
  tab.model.apply({ kind: 'frontend-range', range: { start: 1, end: 3 } });
  const first = tab.view().frontends!;
  expect(first.summary).toMatchObject({ total: 3, full: 1, stopped: 0 });
  expect(first.count).toBe(3);
  expect(first.rows.map((l) => l.key)).toEqual(['lb/api', 'lb/ws']);
  expect(tab.view().frontends).toBeUndefined();
  tab.model.apply({ kind: 'frontend-range', range: { start: 0, end: 1 } });
  expect(tab.view().frontends?.rows.map((l) => l.key)).toEqual(['lb/www']);
  tab.poll(
    withFrontends(T0 + 2000, [frontend('www', 'STOP'), frontend('api', 'FULL'), frontend('ws', 'OPEN')]),
  );
  expect(tab.view().frontends?.summary).toMatchObject({ total: 3, full: 1, stopped: 1 });
  // A poll whose frontends are new objects but show what the page holds: nothing crosses.
  tab.poll(
    withFrontends(T0 + 4000, [frontend('www', 'STOP'), frontend('api', 'FULL'), frontend('ws', 'OPEN')]),
  );
  expect(tab.view().frontends).toBeUndefined();
  // One that changes a line out of the window changes the counts: sent, with the same line.
  tab.poll(
    withFrontends(T0 + 6000, [frontend('www', 'STOP'), frontend('api', 'OPEN'), frontend('ws', 'OPEN')]),
  );
  const after = tab.view().frontends!;
  expect(after.summary).toMatchObject({ total: 3, full: 0, stopped: 1 });
  expect(after.rows.map((l) => l.key)).toEqual(['lb/www']);
});

test('the page asks again only when the rows it shows leave what it asked for, with half as many on either side', () => {
  expect(rangeToAsk({ start: 10, end: 30 }, null)).toEqual({ start: 0, end: 40 });
  expect(rangeToAsk({ start: 5, end: 35 }, { start: 0, end: 40 })).toBeNull();
  expect(rangeToAsk({ start: 30, end: 50 }, { start: 0, end: 40 })).toEqual({ start: 20, end: 60 });
});

test('the 24h uptime reaches each row of the window, and the rows sort by it', () => {
  const tab = new Tab(fleet(T0));
  tab.model.apply({ kind: 'range', range: { start: 0, end: 3 } });
  expect(tab.view().window!.rows.map((r) => r.uptimePct)).toEqual([undefined, undefined, undefined]);
  tab.model.setUptime(
    uptimeByKey({
      servers: [
        { instance: 'lb', backend: 'api', server: 'api0', uptimePct: 99.5 },
        { instance: 'lb', backend: 'api', server: 'api3', uptimePct: 42 },
      ],
      backends: [{ instance: 'lb', backend: 'api', uptimePct: 97 }],
    } as unknown as UptimeDto),
  );
  tab.model.apply({ kind: 'query', query: { q: '', problems: false, sort: 'uptime', dir: 'asc' } });
  const rows = tab.view().window!.rows;
  expect(rows.map((r) => [r.row.key, r.uptimePct])).toEqual([
    ['lb/api', 97],
    ['lb/api/api3', 42],
    ['lb/api/api0', 99.5],
  ]);
});
