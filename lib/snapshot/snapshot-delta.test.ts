// The live stream's changes, checked against what a fresh load of the same poll says: a series of polls of a
// changing fleet (counters, states, sessions, servers and backends coming, going and moving, ages growing with the
// clock), diffed one after another as the server does, applied one after another as a tab does.
import { expect, test } from 'vitest';
import type { BackendDto, ServerDto, SnapshotDto } from '@/lib/api/snapshot-dto';
import { syntheticBackend, syntheticServer } from '@/lib/health/synthetic-server';
import {
  AGE_FIELDS,
  ageSec,
  anchorsOf,
  applyDelta,
  deepEqual,
  diffSnapshots,
  liveSnapshot,
  NUMERIC_PATHS,
  OWN_ROW,
  revisionOf,
  type AgeAnchor,
  type LiveSnapshot,
  type SnapshotDelta,
} from './snapshot-delta';

/** A deterministic PRNG (mulberry32): the same fleet and the same changes on every run. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const T0 = Date.parse('2026-12-06T20:00:00Z');

/**
 * A fleet as HAProxy would report it over time: each server has a time of its last state change and of its last
 * session; the snapshot of time `at` reports ages from them (whole seconds, truncated as HAProxy does).
 */
class Fleet {
  private readonly random: () => number;
  private backends: {
    name: string;
    servers: { name: string; up: boolean; changedAt: number; sessionAt: number | null; total: number }[];
  }[] = [];
  private serial = 0;

  constructor(seed: number, backends: number, servers: number) {
    this.random = prng(seed);
    for (let b = 0; b < backends; b++) {
      this.backends.push({
        name: `be${b}`,
        servers: Array.from({ length: servers }, () => this.newServer(T0 - 3_600_000)),
      });
    }
  }

  private newServer(at: number) {
    return {
      name: `s${this.serial++}`,
      up: true,
      changedAt: at - Math.floor(this.random() * 100_000),
      sessionAt: null as number | null,
      total: 0,
    };
  }

  /** What changes between two polls: a few sessions, a state flip, now and then servers or a backend come and go. */
  evolve(at: number): void {
    const r = this.random;
    for (const backend of this.backends) {
      for (const server of backend.servers) {
        if (r() < 0.1) {
          server.total += 1 + Math.floor(r() * 5);
          server.sessionAt = at - Math.floor(r() * 2000);
        }
        if (r() < 0.02) {
          server.up = !server.up;
          server.changedAt = at - Math.floor(r() * 2000);
        }
      }
      if (r() < 0.05) backend.servers.push(this.newServer(at));
      if (r() < 0.05 && backend.servers.length > 1)
        backend.servers.splice(Math.floor(r() * backend.servers.length), 1);
      if (r() < 0.03) backend.servers.reverse();
    }
    if (r() < 0.1) this.backends.push({ name: `be-new${this.serial++}`, servers: [this.newServer(at)] });
    if (r() < 0.05 && this.backends.length > 1)
      this.backends.splice(Math.floor(r() * this.backends.length), 1);
  }

  snapshot(at: number): SnapshotDto {
    const seconds = (since: number | null) => (since === null ? null : Math.floor((at - since) / 1000));
    const backends = this.backends.map((b) =>
      syntheticBackend(
        'lb',
        b.name,
        b.servers.map((s) =>
          syntheticServer(s.name, {
            status: s.up ? 'UP' : 'DOWN',
            lastChangeSec: seconds(s.changedAt),
            lastSessionSec: seconds(s.sessionAt),
            sessions: { current: 0, max: 1, limit: null, total: s.total },
          }),
        ),
      ),
    ) as unknown as BackendDto[];
    const iso = new Date(at).toISOString();
    return {
      generatedAt: iso,
      pollIntervalMs: 2000,
      instances: [
        {
          name: 'lb',
          kind: 'http',
          ok: true,
          error: null,
          errorKind: null,
          lastPollAt: iso,
          lastSuccessAt: iso,
          nextPollAt: iso,
          consecutiveFailures: 0,
          pollDurationMs: 5,
          version: '3.4.0',
          pid: 1,
          uptimeSec: 100,
          sameProcessAs: [],
          counted: true,
        },
      ],
      backends,
      frontends: [],
    } as unknown as SnapshotDto;
  }
}

/** The polls of a fleet: 2 s apart, each a few ms late or early, as a real poll loop is. */
function polls(seed: number, count: number, size: [number, number] = [20, 8]): SnapshotDto[] {
  const fleet = new Fleet(seed, ...size);
  const jitter = prng(seed + 1);
  const out: SnapshotDto[] = [];
  for (let i = 0; i < count; i++) {
    const at = T0 + i * 2000 + Math.floor(jitter() * 300);
    if (i > 0) fleet.evolve(at);
    out.push(fleet.snapshot(at));
  }
  return out;
}

/** The server's side: each poll diffed against the one before, with the anchors carried along. */
function deltasOf(snapshots: SnapshotDto[]): SnapshotDelta[] {
  let anchors: ReadonlyMap<string, AgeAnchor> = anchorsOf(snapshots[0]!);
  const deltas: SnapshotDelta[] = [];
  for (let i = 1; i < snapshots.length; i++) {
    const { delta, anchors: next } = diffSnapshots({ snapshot: snapshots[i - 1]!, anchors }, snapshots[i]!, {
      from: `g${i - 1}`,
      to: `g${i}`,
    });
    anchors = next;
    deltas.push(delta);
  }
  return deltas;
}

/** A row's fields but its ages (and a backend's servers, compared one by one). */
function withoutAges(row: BackendDto | ServerDto): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...row };
  for (const key of ['servers', ...AGE_FIELDS]) delete rest[key];
  return rest;
}

/** What a tab shows, ages as it predicts them, against a fresh load: equal but for ages within `tolerance`. */
function expectShowsFreshLoad(live: LiveSnapshot, fresh: SnapshotDto, tolerance: number) {
  const shown = live.snapshot;
  expect(shown.backends.map((b) => b.name)).toEqual(fresh.backends.map((b) => b.name));
  expect(shown.instances).toEqual(fresh.instances);
  expect(shown.frontends).toEqual(fresh.frontends);
  shown.backends.forEach((backend, i) => {
    const truth = fresh.backends[i]!;
    expect(backend.servers.map((s) => s.name)).toEqual(truth.servers.map((s) => s.name));
    const rows: [BackendDto | ServerDto, BackendDto | ServerDto][] = [
      [backend, truth],
      ...backend.servers.map((s, j): [ServerDto, ServerDto] => [s, truth.servers[j]!]),
    ];
    for (const [row, fresh] of rows) {
      expect(withoutAges(row)).toEqual(withoutAges(fresh));
      for (const field of AGE_FIELDS) {
        const age = ageSec(live, row, backend.instance, field);
        if (fresh[field] === null) expect(age).toBeNull();
        else expect(Math.abs(age! - fresh[field]!)).toBeLessThanOrEqual(tolerance);
      }
    }
  });
}

test('a tab that follows every change shows what a fresh load shows, ages within a second, at every poll', () => {
  const snapshots = polls(1, 120);
  const deltas = deltasOf(snapshots);
  let live = liveSnapshot(snapshots[0]!, 'g0');
  deltas.forEach((delta, i) => {
    live = applyDelta(live, delta)!;
    expect(live).not.toBeNull();
    expectShowsFreshLoad(live, snapshots[i + 1]!, 1);
  });
});

test('a tab that starts from a later snapshot and follows from there is within two seconds', () => {
  const snapshots = polls(2, 80);
  const deltas = deltasOf(snapshots);
  let live = liveSnapshot(snapshots[30]!, 'g30');
  for (const delta of deltas.slice(30)) live = applyDelta(live, delta)!;
  expectShowsFreshLoad(live, snapshots.at(-1)!, 2);
});

test('a change that does not follow what the tab holds is refused: the tab loads afresh', () => {
  const snapshots = polls(3, 5);
  const deltas = deltasOf(snapshots);
  const live = applyDelta(liveSnapshot(snapshots[0]!, 'g0'), deltas[0]!)!;
  expect(applyDelta(live, deltas[2]!)).toBeNull(); // g2 → g3 on a tab at g1: it missed one
  expect(applyDelta(live, deltas[1]!)?.id).toBe('g2');
});

test('unchanged servers and backends stay the same objects; a server that changes for the first time is a new one', () => {
  const snapshots = polls(4, 2, [30, 10]);
  const [delta] = deltasOf(snapshots);
  const before = liveSnapshot(snapshots[0]!, 'g0');
  const after = applyDelta(before, delta!)!;
  const placed = new Map(after.snapshot.backends.map((b) => [b.name, b.servers]));
  const changed = new Set(
    delta!.backends.flatMap((p) => [
      ...(p.servers ?? []).map((s) => `${p.name}/${s.name}`),
      ...(p.figures ?? [])
        .filter((_, i) => i % 3 === 0)
        .filter((place) => place !== OWN_ROW)
        .map((place) => `${p.name}/${placed.get(p.name)![place as number]!.name}`),
    ]),
  );
  const touched = new Set(delta!.backends.map((p) => p.name));
  const held = new Map(before.snapshot.backends.map((b) => [b.name, b]));
  let kept = 0;
  for (const backend of after.snapshot.backends) {
    const prev = held.get(backend.name);
    if (!touched.has(backend.name)) expect(backend).toBe(prev);
    for (const server of backend.servers) {
      const old = prev?.servers.find((s) => s.name === server.name);
      if (changed.has(`${backend.name}/${server.name}`)) expect(server).not.toBe(old);
      else {
        expect(server).toBe(old);
        kept++;
      }
    }
  }
  expect(kept).toBeGreaterThan(200); // most of the 300 did not change in one poll
});

/** Backends a delta sends servers of whole (new, or changed beyond figures) or in a new order. */
const reshaped = (delta: SnapshotDelta) =>
  new Set(delta.backends.filter((p) => p.servers || p.order).map((p) => p.name));

/** The servers a delta changes by figures, as `backend/server`, at their places in what it applies to. */
function changedByFigures(delta: SnapshotDelta, live: LiveSnapshot): Set<string> {
  const placed = new Map(live.snapshot.backends.map((b) => [b.name, b.servers]));
  return new Set(
    delta.backends
      .filter((p) => !p.servers && !p.order)
      .flatMap((p) =>
        (p.figures ?? [])
          .filter((_, i) => i % 3 === 0)
          .filter((place) => place !== OWN_ROW)
          .map((place) => `${p.name}/${placed.get(p.name)![place as number]!.name}`),
      ),
  );
}

test('a server is copied the first time it changes and changed in place after, at its next revision; what the tab was given stays as it was', () => {
  const snapshots = polls(5, 12, [30, 10]);
  const deltas = deltasOf(snapshots);
  const given = structuredClone({ snapshots, deltas });
  // Every server object the tab is given: the snapshots' (the first is its base) and the deltas' whole rows.
  const theirs = new Set<object>([
    ...snapshots.flatMap((snapshot) => snapshot.backends.flatMap((b) => b.servers)),
    ...deltas.flatMap((delta) => delta.backends.flatMap((p) => p.servers ?? [])),
  ]);
  const last = deltas.at(-1)!;
  let live = liveSnapshot(snapshots[0]!, 'g0');
  for (const delta of deltas.slice(0, -1)) live = applyDelta(live, delta)!;
  const held = new Map<string, ServerDto>(
    live.snapshot.backends.flatMap((b) => b.servers.map((s) => [`${b.name}/${s.name}`, s] as const)),
  );
  const revisions = new Map([...held].map(([key, s]) => [key, revisionOf(live, s)]));
  const changed = changedByFigures(last, live);
  const next = applyDelta(live, last)!;
  let inPlace = 0;
  const skipped = reshaped(last);
  for (const backend of next.snapshot.backends) {
    if (skipped.has(backend.name)) continue; // new servers, or new places: not what this is about
    for (const server of backend.servers) {
      const key = `${backend.name}/${server.name}`;
      const before = held.get(key)!;
      if (!changed.has(key)) {
        expect(server).toBe(before);
        expect(revisionOf(next, server)).toBe(revisions.get(key));
      } else if (theirs.has(before)) {
        expect(server).not.toBe(before);
        expect(theirs.has(server)).toBe(false);
      } else {
        expect(server).toBe(before);
        expect(revisionOf(next, server)).toBe(revisions.get(key)! + 1);
        inPlace++;
      }
    }
  }
  expect(inPlace).toBeGreaterThan(3);
  expect({ snapshots, deltas }).toEqual(given);
});

test('a poll in which only time passed sends no rows at all', () => {
  const fleet = new Fleet(5, 10, 5);
  const first = fleet.snapshot(T0);
  const later = fleet.snapshot(T0 + 2_013);
  const { delta } = diffSnapshots({ snapshot: first, anchors: anchorsOf(first) }, later, {
    from: 'a',
    to: 'b',
  });
  expect(delta.backends).toEqual([]);
  expect(delta.backendOrder).toBeUndefined();
  expect(delta.frontends).toBeUndefined();
});

test('a state change resets the age: the age is sent again, and the tab measures it from this poll', () => {
  const server = syntheticServer('web1', { lastChangeSec: 500 });
  const snap = (s: ServerDto, at: number) =>
    ({
      generatedAt: new Date(at).toISOString(),
      pollIntervalMs: 2000,
      instances: [{ name: 'lb', lastSuccessAt: new Date(at).toISOString() }],
      backends: [syntheticBackend('lb', 'web', [s as never])],
      frontends: [],
    }) as unknown as SnapshotDto;
  const first = snap(server, T0);
  const reset = snap({ ...server, lastChangeSec: 0 }, T0 + 2000); // changed back and forth within one poll
  const { delta } = diffSnapshots({ snapshot: first, anchors: anchorsOf(first) }, reset, {
    from: 'a',
    to: 'b',
  });
  const place = NUMERIC_PATHS.indexOf('lastChangeSec');
  expect(delta.backends[0]?.figures).toEqual(expect.arrayContaining([0, place, 0]));
  const live = applyDelta(liveSnapshot(first, 'a'), delta)!;
  const shown = live.snapshot.backends[0]!.servers[0]!;
  expect(ageSec(live, shown, 'lb', 'lastChangeSec')).toBe(0);
  const later = applyDelta(
    live,
    diffSnapshots(
      { snapshot: reset, anchors: anchorsOf(reset) },
      snap({ ...server, lastChangeSec: 2 }, T0 + 4000),
      { from: 'b', to: 'c' },
    ).delta,
  )!;
  expect(ageSec(later, later.snapshot.backends[0]!.servers[0]!, 'lb', 'lastChangeSec')).toBe(2);
});

test.each([
  [{ a: [1, { b: null }] }, { a: [1, { b: null }] }, true],
  [{ a: [1, { b: null }] }, { a: [1, { b: 0 }] }, false],
  [{ a: 1 }, { a: 1, b: undefined }, false],
  [[1, 2], { 0: 1, 1: 2 }, false],
  [null, {}, false],
])('deepEqual(%j, %j) is %s', (a, b, expected) => {
  expect(deepEqual(a, b)).toBe(expected);
});

test('an age that grows slower than the clock is sent again before the tab is more than a second off', () => {
  // A server whose last session is one second later at each poll (a session every ~2 s, each a little later):
  // its lastSessionSec reads 0, 1, 2, 3 … while 2 s pass between polls.
  const snap = (i: number) => {
    const at = T0 + i * 2000;
    return {
      generatedAt: new Date(at).toISOString(),
      pollIntervalMs: 2000,
      instances: [{ name: 'lb', lastSuccessAt: new Date(at).toISOString() }],
      backends: [
        syntheticBackend('lb', 'web', [
          syntheticServer('web1', { lastSessionSec: i, lastChangeSec: 1000 + 2 * i }),
        ]),
      ],
      frontends: [],
    } as unknown as SnapshotDto;
  };
  const snapshots = Array.from({ length: 20 }, (_, i) => snap(i));
  let live = liveSnapshot(snapshots[0]!, 'g0');
  deltasOf(snapshots).forEach((delta, i) => {
    live = applyDelta(live, delta)!;
    const server = live.snapshot.backends[0]!.servers[0]!;
    expect(Math.abs(ageSec(live, server, 'lb', 'lastSessionSec')! - (i + 1))).toBeLessThanOrEqual(1);
  });
});

test('every figure sits at most one object down, as applying one assumes', () => {
  expect(NUMERIC_PATHS.filter((path) => path.split('.').length > 2)).toEqual([]);
  expect(new Set(NUMERIC_PATHS).size).toBe(NUMERIC_PATHS.length);
});

test('the shape stays while only figures change and moves when a state changes; the layout moves only when a server comes', () => {
  const first = new Fleet(9, 3, 4).snapshot(T0);
  const busier = structuredClone(first);
  busier.generatedAt = new Date(T0 + 2000).toISOString();
  busier.backends[1]!.servers[2]!.sessions.total += 40;
  busier.backends[0]!.servers[0]!.check.durationMs = 17;
  const flipped = structuredClone(busier);
  flipped.backends[2]!.servers[1]!.status = 'DOWN';
  const grown = structuredClone(busier);
  grown.backends[0]!.servers.push({ ...grown.backends[0]!.servers[0]!, name: 'added' });

  const diff = (a: SnapshotDto, b: SnapshotDto) =>
    diffSnapshots({ snapshot: a, anchors: anchorsOf(a) }, b, { from: 'g0', to: 'g1' }).delta;
  const start = liveSnapshot(first, 'g0');
  const figuresOnly = applyDelta(start, diff(first, busier))!;
  expect(figuresOnly.snapshot.backends[1]!.servers[2]!.sessions.total).toBe(
    first.backends[1]!.servers[2]!.sessions.total + 40,
  );
  expect([figuresOnly.shape, figuresOnly.layout]).toEqual([start.shape, start.layout]);
  const down = applyDelta(start, diff(first, flipped))!;
  expect([down.shape, down.layout]).toEqual([start.shape + 1, start.layout]);
  const withServer = applyDelta(start, diff(first, grown))!;
  expect([withServer.shape, withServer.layout]).toEqual([start.shape + 1, start.layout + 1]);
  expect(withServer.snapshot.backends[0]!.servers.map((s) => s.name).at(-1)).toBe('added');
});
