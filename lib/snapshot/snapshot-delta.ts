/**
 * A snapshot as a base and the changes of each poll since (the live stream, GET /api/v1/snapshot/stream): the
 * server diffs each poll against the one before, once for every open tab; a tab applies the change to what it
 * holds and keeps every unchanged backend and server the very same object at the same revision, so nothing
 * re-renders for them; a changed one is a copy the first time and is changed in place after that.
 *
 * Ages. `lastChangeSec` and `lastSessionSec` count seconds since something and so grow by themselves: a row is
 * not sent again for that. It is sent when its age is not what its last sent value plus the time since predicts
 * (a state change, a new session), within AGE_TOLERANCE_SEC; the tab shows the predicted age (`ageSec`). Measured
 * from the last sent value, not the previous poll's, so no error accumulates: a tab that has followed the stream
 * shows every age within a second of a fresh load's, one that started from a later snapshot within two.
 */
import type { BackendDto, FrontendDto, InstanceDto, ServerDto, SnapshotDto } from '@/lib/api/snapshot-dto';
import { TRAFFIC_COUNTERS } from '@/lib/health/types';

export const AGE_FIELDS = ['lastChangeSec', 'lastSessionSec'] as const;
export type AgeField = (typeof AGE_FIELDS)[number];
export const AGE_TOLERANCE_SEC = 1;

/**
 * A server's figures that change poll by poll without anything else changing: sent as numbers by their place in
 * this list, not as the whole row. Appending keeps old tabs right; reordering needs every tab reloaded.
 */
export const NUMERIC_PATHS: readonly string[] = [
  'check.durationMs',
  'check.code',
  'check.health',
  'queue.current',
  'queue.max',
  'sessions.current',
  'sessions.max',
  'sessions.total',
  'sessionRate.current',
  'sessionRate.max',
  'lbTotal',
  'weight',
  'checkFailures',
  'checkDowns',
  'downtimeSec',
  'throttlePct',
  ...TRAFFIC_COUNTERS.map((c) => `counters.${c}`),
  ...TRAFFIC_COUNTERS.map((c) => `rates.${c}`),
  'times.queueMs',
  'times.connectMs',
  'times.responseMs',
  'times.totalMs',
  // A backend's own.
  'activeUp',
  'activeTotal',
  'backupUp',
  'backupTotal',
  // Ages: sent (both, the row's anchor moving to this poll) when not as predicted.
  ...AGE_FIELDS,
];
const AGE_PLACES = new Set(AGE_FIELDS.map((field) => NUMERIC_PATHS.indexOf(field)));
/** In `figures`, the place that stands for the backend's own row. */
export const OWN_ROW = -1;
const NUMERIC_INDEX = new Map(NUMERIC_PATHS.map((path, i) => [path, i]));
/** Each path's keys: a figure sits at most one object down. */
const NUMERIC_SEGMENTS = NUMERIC_PATHS.map((path) => path.split('.'));

/** A backend's own figures: everything but its servers. */
export type BackendOwn = Omit<BackendDto, 'servers'>;

export interface BackendPatch {
  instance: string;
  name: string;
  /** Its own figures, when any changed (or it is new). */
  own?: BackendOwn;
  /** Servers new or changed beyond numbers, whole. */
  servers?: ServerDto[];
  /**
   * Rows whose only changes are numbers (counters, rates, times, the check's duration, ages…), as flat triplets:
   * the server's place in the backend's order (OWN_ROW: the backend's own row), the figure's place in
   * NUMERIC_PATHS, its new value.
   */
  figures?: (number | null)[];
  /** Every server's name in order, when servers came, went or moved. */
  order?: string[];
}

/** One poll's changes (any source's), between two generations of the collector. */
export interface SnapshotDelta {
  /**
   * The generation this applies to and the one it makes (ids of the stream, `<term>.<generation>`: the same on every
   * replica).
   */
  from: string;
  to: string;
  generatedAt: string;
  pollIntervalMs: number;
  /** Always whole: a few rows, and their times move every poll. */
  instances: InstanceDto[];
  /** Backends new or changed. */
  backends: BackendPatch[];
  /** Every backend as `instance/name` in order, when backends came, went or moved. */
  backendOrder?: string[];
  /** Whole, when any changed. */
  frontends?: FrontendDto[];
}

/** When and at which value a row's age was last sent: what a tab predicts its age from. */
export interface AgeAnchor {
  at: number;
  lastChangeSec: number | null;
  lastSessionSec: number | null;
}

/** What the server diffs the next poll against: the last poll, and the age anchors of the rows as last sent. */
export interface DiffBase {
  snapshot: SnapshotDto;
  anchors: ReadonlyMap<string, AgeAnchor>;
}

export const backendKeyOf = (b: { instance: string; name: string }) => `${b.instance}/${b.name}`;
const serverKeyOf = (backend: string, server: string) => `${backend}/${server}`;

/**
 * The time a source's figures are as of: its last good poll (the backends shown are that poll's). Null before any.
 */
export function polledAtOf(instances: readonly InstanceDto[], instance: string): number | null {
  const at = instances.find((i) => i.name === instance)?.lastSuccessAt;
  return at ? Date.parse(at) : null;
}

/** The anchors of every row of a snapshot, as if all were just sent: the start of a stream's log. */
export function anchorsOf(snapshot: SnapshotDto): Map<string, AgeAnchor> {
  const anchors = new Map<string, AgeAnchor>();
  for (const backend of snapshot.backends) {
    const at = polledAtOf(snapshot.instances, backend.instance) ?? 0;
    const key = backendKeyOf(backend);
    anchors.set(key, anchorOf(backend, at));
    for (const server of backend.servers) anchors.set(serverKeyOf(key, server.name), anchorOf(server, at));
  }
  return anchors;
}

const anchorOf = (row: BackendOwn | ServerDto, at: number): AgeAnchor => ({
  at,
  lastChangeSec: row.lastChangeSec,
  lastSessionSec: row.lastSessionSec,
});

/** The changes from `base` to `next`, and the anchors after them. */
export function diffSnapshots(
  base: DiffBase,
  next: SnapshotDto,
  ids: { from: string; to: string },
): { delta: SnapshotDelta; anchors: Map<string, AgeAnchor> } {
  const anchors = new Map<string, AgeAnchor>();
  const before = new Map(base.snapshot.backends.map((b) => [backendKeyOf(b), b]));
  const patches: BackendPatch[] = [];
  for (const backend of next.backends) {
    const key = backendKeyOf(backend);
    const at = polledAtOf(next.instances, backend.instance) ?? 0;
    const patch = diffBackend(before.get(key), backend, key, at, base.anchors, anchors);
    if (patch) patches.push(patch);
  }
  const delta: SnapshotDelta = {
    ...ids,
    generatedAt: next.generatedAt,
    pollIntervalMs: next.pollIntervalMs,
    instances: next.instances,
    backends: patches,
  };
  const order = next.backends.map(backendKeyOf);
  if (!sameSequence(order, base.snapshot.backends.map(backendKeyOf))) delta.backendOrder = order;
  if (!deepEqual(base.snapshot.frontends, next.frontends)) delta.frontends = next.frontends;
  return { delta, anchors };
}

function diffBackend(
  prev: BackendDto | undefined,
  next: BackendDto,
  key: string,
  at: number,
  anchorsBefore: ReadonlyMap<string, AgeAnchor>,
  anchors: Map<string, AgeAnchor>,
): BackendPatch | null {
  const patch: BackendPatch = { instance: next.instance, name: next.name };
  const { servers, ...own } = next;
  const figures: (number | null)[] = [];
  const ownAnchor = anchorsBefore.get(key);
  const ownChanges = prev && ownAnchor ? rowChanges(prev, next, ownAnchor, at) : null;
  if (ownChanges) {
    anchors.set(key, ownChanges.reanchor ? anchorOf(own, at) : ownAnchor!);
    for (let i = 0; i < ownChanges.figures.length; i += 2)
      figures.push(OWN_ROW, ownChanges.figures[i]!, ownChanges.figures[i + 1]!);
  } else {
    patch.own = own;
    anchors.set(key, anchorOf(own, at));
  }
  const prevServers = new Map((prev?.servers ?? []).map((s) => [s.name, s]));
  const changed: ServerDto[] = [];
  servers.forEach((server, place) => {
    const serverKey = serverKeyOf(key, server.name);
    const before = prevServers.get(server.name);
    const anchor = anchorsBefore.get(serverKey);
    const changes = before && anchor ? rowChanges(before, server, anchor, at) : null;
    if (changes) {
      anchors.set(serverKey, changes.reanchor ? anchorOf(server, at) : anchor!);
      for (let i = 0; i < changes.figures.length; i += 2)
        figures.push(place, changes.figures[i]!, changes.figures[i + 1]!);
    } else {
      changed.push(server);
      anchors.set(serverKey, anchorOf(server, at));
    }
  });
  if (changed.length > 0) patch.servers = changed;
  if (figures.length > 0) patch.figures = figures;
  const order = servers.map((s) => s.name);
  if (
    !prev ||
    !sameSequence(
      order,
      prev.servers.map((s) => s.name),
    )
  )
    patch.order = order;
  return patch.own || patch.servers || patch.figures || patch.order ? patch : null;
}

/**
 * How a row (a server, or a backend's own; its servers aside) changed when only NUMERIC_PATHS figures did: the
 * [place in NUMERIC_PATHS, value] pairs (none: the same), with both ages among them, and `reanchor`, when an age is
 * not as predicted. Null when anything else changed: the row goes whole.
 */
function rowChanges(
  a: BackendDto | ServerDto,
  b: BackendDto | ServerDto,
  anchor: AgeAnchor,
  at: number,
): { figures: (number | null)[]; reanchor: boolean } | null {
  const reanchor = AGE_FIELDS.some((field) => !ageAsPredicted(anchor[field], b[field], at - anchor.at));
  const figures: (number | null)[] = [];
  if (reanchor) for (const field of AGE_FIELDS) figures.push(NUMERIC_INDEX.get(field)!, b[field]);
  const path: string[] = [];
  const walk = (x: unknown, y: unknown): boolean => {
    if (x === y) return true;
    const bothObjects = typeof x === 'object' && typeof y === 'object' && x !== null && y !== null;
    if (bothObjects && !Array.isArray(x) && !Array.isArray(y)) {
      const keys = Object.keys(y);
      if (keys.length !== Object.keys(x).length) return false;
      for (const k of keys) {
        if (path.length === 0 && (k === 'servers' || (AGE_FIELDS as readonly string[]).includes(k))) continue;
        path.push(k);
        const same = walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]);
        path.pop();
        if (!same) return false;
      }
      return true;
    }
    const place = NUMERIC_INDEX.get(path.join('.'));
    const numeric = (v: unknown) => v === null || typeof v === 'number';
    if (place !== undefined && numeric(x) && numeric(y)) {
      figures.push(place, y as number | null);
      return true;
    }
    return deepEqual(x, y);
  };
  return walk(a, b) ? { figures, reanchor } : null;
}

function ageAsPredicted(anchored: number | null, actual: number | null, elapsedMs: number): boolean {
  if (anchored === null || actual === null) return anchored === actual;
  return Math.abs(actual - predictAge(anchored, elapsedMs)) <= AGE_TOLERANCE_SEC;
}

const predictAge = (anchored: number, elapsedMs: number) => anchored + Math.round(elapsedMs / 1000);

/** What a tab holds: the snapshot as of the last change applied, and when each row it holds was sent. */
export interface LiveSnapshot {
  snapshot: SnapshotDto;
  /** The stream id of the generation it is at. */
  id: string;
  /** When each backend or server row was last sent (its source's poll); rows of the base snapshot are absent. */
  sentAt: WeakMap<object, number>;
  /**
   * The rows and servers' arrays applyDelta made (copies, with the objects in a row that figures sit in): changed
   * in place by the next changes. What it was given (the base snapshot, a delta's rows) it copies the first time
   * it changes.
   */
  owned: WeakSet<object>;
  /** How many times each row of ours was changed in place: with its identity, what tells a changed row. */
  revisions: WeakMap<object, number>;
  /** Each source's poll time as of the base snapshot: the rows of that snapshot were sent then. */
  baseAt: ReadonlyMap<string, number>;
  /** Each backend's place in `snapshot.backends` by `instance/name`: kept until the backends' order changes. */
  places: ReadonlyMap<string, number>;
  /**
   * Counts the changes of layout: a backend or server new, gone or moved. While it stays, every row is where it was:
   * the table's rows (unfiltered, not sorted by what changes) stand.
   */
  layout: number;
  /**
   * Counts the changes beyond figures: of layout, or of a row in anything but a NUMERIC_PATHS figure (its state,
   * its address…). While it stays, what the table's filters and the summary's counts read has not changed.
   */
  shape: number;
}

export function liveSnapshot(snapshot: SnapshotDto, id: string): LiveSnapshot {
  return {
    snapshot,
    id,
    sentAt: new WeakMap(),
    owned: new WeakSet(),
    revisions: new WeakMap(),
    baseAt: polledAtBySource(snapshot.instances),
    places: placesOf(snapshot.backends),
    layout: 0,
    shape: 0,
  };
}

const placesOf = (backends: readonly BackendDto[]) => new Map(backends.map((b, i) => [backendKeyOf(b), i]));

/** Each source's last good poll time (polledAtOf), read once. */
function polledAtBySource(instances: readonly InstanceDto[]): Map<string, number> {
  const at = new Map<string, number>();
  for (const instance of instances) {
    const time = polledAtOf(instances, instance.name);
    if (time !== null) at.set(instance.name, time);
  }
  return at;
}

/**
 * The snapshot after `delta`. Every backend and server it does not name is the same object as before, at the same
 * revision. One it names is a new object the first time (a copy: what the tab was given stays as it was), and the
 * same object at the next revision after that (`revisionOf`): a tab that follows thousands of changing servers
 * does not copy them poll after poll (nor collect the copies). It takes `live` over: after it, read what it
 * returned, not `live`. Null when the delta does not follow what the tab holds; then load afresh: the rows of `live`
 * may have changed in part. Its cost follows the delta: the backends' array is copied once, nothing else is walked.
 */
export function applyDelta(live: LiveSnapshot, delta: SnapshotDelta): LiveSnapshot | null {
  if (delta.from !== live.id) return null;
  const polledAt = polledAtBySource(delta.instances);
  const held = live.snapshot.backends;
  const added = new Map<string, BackendDto>();
  const backends = held.slice();
  for (const patch of delta.backends) {
    const key = backendKeyOf(patch);
    const place = live.places.get(key);
    const next = applyBackendPatch(
      place === undefined ? undefined : held[place],
      patch,
      polledAt.get(patch.instance) ?? 0,
      live,
    );
    if (!next) return null;
    if (place === undefined) added.set(key, next);
    else backends[place] = next;
  }
  let places = live.places;
  let ordered = backends;
  if (delta.backendOrder) {
    const byKey = new Map(backends.map((b) => [backendKeyOf(b), b]));
    ordered = [];
    for (const key of delta.backendOrder) {
      const backend = added.get(key) ?? byKey.get(key);
      if (!backend) return null;
      ordered.push(backend);
    }
    places = placesOf(ordered);
  } else if (added.size > 0) return null; // a new backend always comes with the new order
  const snapshot: SnapshotDto = {
    ...live.snapshot,
    generatedAt: delta.generatedAt,
    pollIntervalMs: delta.pollIntervalMs,
    instances: delta.instances,
    backends: ordered,
    frontends: delta.frontends ?? live.snapshot.frontends,
  };
  const moved = delta.backendOrder !== undefined || delta.backends.some((p) => p.order);
  const beyondFigures = moved || delta.backends.some((p) => p.own || p.servers);
  return {
    ...live,
    snapshot,
    id: delta.to,
    places,
    layout: moved ? live.layout + 1 : live.layout,
    shape: beyondFigures ? live.shape + 1 : live.shape,
  };
}

function applyBackendPatch(
  prev: BackendDto | undefined,
  patch: BackendPatch,
  at: number,
  live: LiveSnapshot,
): BackendDto | null {
  const own = patch.own ?? prev;
  if (!own) return null;
  const { sentAt, owned } = live;
  const servers = patchedServers(prev, patch, at, live);
  if (!servers) return null;
  // Its own row new or changed beyond figures, or not ours to change: a new object (its figures set in it below).
  const inPlace = prev !== undefined && !patch.own && owned.has(prev);
  const backend = inPlace ? prev : (ownCopy(own, owned) as BackendDto);
  if (backend.servers !== servers) {
    backend.servers = servers;
    if (inPlace) changed(live, backend);
  }
  let ownSentAt = patch.own ? at : prev ? sentAt.get(prev) : undefined;
  // A row's figures come together. A row not ours yet is copied once, with the objects in it, and changed in place
  // from then on.
  const figures = patch.figures ?? [];
  let i = 0;
  while (i < figures.length) {
    const place = figures[i] as number;
    const held: object | undefined = place === OWN_ROW ? backend : servers[place];
    if (!held) return null;
    const row = (owned.has(held) ? held : ownCopy(held, owned)) as Record<string, unknown>;
    if (row === held) changed(live, row);
    let reanchored = false;
    for (; i < figures.length && figures[i] === place; i += 3) {
      const field = figures[i + 1] as number;
      const segments = NUMERIC_SEGMENTS[field];
      if (!segments) return null;
      setFigure(row, segments, figures[i + 2] ?? null);
      if (AGE_PLACES.has(field)) reanchored = true;
    }
    if (place === OWN_ROW) {
      if (reanchored) ownSentAt = at;
      continue;
    }
    // Ages sent again: measured from this poll on; otherwise from when they last were.
    if (reanchored) sentAt.set(row, at);
    else if (row !== held) {
      const sent = sentAt.get(held);
      if (sent !== undefined) sentAt.set(row, sent);
    }
    servers[place] = row as unknown as ServerDto;
  }
  if (ownSentAt !== undefined) sentAt.set(backend, ownSentAt);
  return backend;
}

/** A row of ours changed in place: its revision moves (a reader tells it from what it held by that). */
function changed(live: LiveSnapshot, row: object): void {
  live.revisions.set(row, (live.revisions.get(row) ?? 0) + 1);
}

/**
 * The backend's servers in their order with the whole rows of the patch in place: an array of ours to set figures
 * in (the one held when it is ours and no server came, went or moved).
 */
function patchedServers(
  prev: BackendDto | undefined,
  patch: BackendPatch,
  at: number,
  live: LiveSnapshot,
): ServerDto[] | null {
  const held = prev?.servers ?? [];
  if (!patch.servers && !patch.order) {
    if (live.owned.has(held)) return held;
    const copy = held.slice();
    live.owned.add(copy);
    return copy;
  }
  const byName = new Map(held.map((s) => [s.name, s]));
  for (const server of patch.servers ?? []) {
    byName.set(server.name, server);
    live.sentAt.set(server, at);
  }
  const order = patch.order ?? held.map((s) => s.name);
  const servers: ServerDto[] = [];
  for (const name of order) {
    const server = byName.get(name);
    if (!server) return null;
    servers.push(server);
  }
  live.owned.add(servers);
  return servers;
}

/** The objects in a row that figures sit in (NUMERIC_PATHS one level down: `check`, `sessions`…). */
const FIGURE_OBJECTS = [...new Set(NUMERIC_SEGMENTS.filter((s) => s.length === 2).map(([head]) => head!))];

/** A row of ours: a copy of `row` and of each object in it that figures sit in, to change in place from now on. */
function ownCopy(row: object, owned: WeakSet<object>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...row };
  for (const head of FIGURE_OBJECTS) {
    const inner = copy[head];
    if (inner !== null && typeof inner === 'object') copy[head] = { ...inner };
  }
  owned.add(copy);
  return copy;
}

/** Sets one figure of a row of ours (whose objects figures sit in are ours too). */
function setFigure(row: Record<string, unknown>, segments: readonly string[], value: number | null): void {
  const [head, leaf] = segments as [string, string?];
  if (leaf === undefined) row[head] = value;
  else (row[head] as Record<string, unknown>)[leaf] = value;
}

/** A row's revision: with its identity, it tells a row that changed (in place) since it was last read. */
export const revisionOf = (live: LiveSnapshot, row: object): number => live.revisions.get(row) ?? 0;

/**
 * A row's age now (`lastChangeSec`, `lastSessionSec`), predicted from the value last sent and the time its source
 * has been polled since; as sent for a row of a full snapshot.
 */
export function ageSec(
  live: LiveSnapshot,
  row: Readonly<Record<AgeField, number | null>>,
  instance: string,
  field: AgeField,
): number | null {
  const value = row[field];
  if (value === null) return null;
  const sent = live.sentAt.get(row) ?? live.baseAt.get(instance);
  const now = polledAtOf(live.snapshot.instances, instance);
  return sent === undefined || now === null ? value : predictAge(value, now - sent);
}

function sameSequence(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** Structural equality of JSON values (what the snapshot is made of). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
