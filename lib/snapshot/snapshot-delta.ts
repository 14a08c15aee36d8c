/**
 * A snapshot as a base and the changes of each poll since (the live stream, GET /api/v1/snapshot/stream): the
 * server diffs each poll against the one before, once for every open tab; a tab applies the change to what it
 * holds and keeps every unchanged backend and server the very same object, so nothing re-renders for them.
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
  /** The generation this applies to and the one it makes (ids of the stream, `<boot>.<generation>`). */
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
  /** Each source's poll time as of the base snapshot: the rows of that snapshot were sent then. */
  baseAt: ReadonlyMap<string, number>;
}

export function liveSnapshot(snapshot: SnapshotDto, id: string): LiveSnapshot {
  const baseAt = new Map<string, number>();
  for (const instance of snapshot.instances) {
    const at = polledAtOf(snapshot.instances, instance.name);
    if (at !== null) baseAt.set(instance.name, at);
  }
  return { snapshot, id, sentAt: new WeakMap(), baseAt };
}

/**
 * The snapshot after `delta`; every backend and server it does not name is the same object as before (a backend
 * whose servers changed is a new object around them). Null when the delta does not follow what the tab holds.
 */
export function applyDelta(live: LiveSnapshot, delta: SnapshotDelta): LiveSnapshot | null {
  if (delta.from !== live.id) return null;
  const held = new Map(live.snapshot.backends.map((b) => [backendKeyOf(b), b]));
  for (const patch of delta.backends) {
    const key = backendKeyOf(patch);
    const at = polledAtOf(delta.instances, patch.instance) ?? 0;
    const next = applyBackendPatch(held.get(key), patch, at, live.sentAt);
    if (!next) return null;
    held.set(key, next);
  }
  const order = delta.backendOrder ?? live.snapshot.backends.map(backendKeyOf);
  const backends: BackendDto[] = [];
  for (const key of order) {
    const backend = held.get(key);
    if (!backend) return null;
    backends.push(backend);
  }
  const snapshot: SnapshotDto = {
    ...live.snapshot,
    generatedAt: delta.generatedAt,
    pollIntervalMs: delta.pollIntervalMs,
    instances: delta.instances,
    backends,
    frontends: delta.frontends ?? live.snapshot.frontends,
  };
  return { ...live, snapshot, id: delta.to };
}

function applyBackendPatch(
  prev: BackendDto | undefined,
  patch: BackendPatch,
  at: number,
  sentAt: WeakMap<object, number>,
): BackendDto | null {
  let own = patch.own ?? (prev ? withoutServers(prev) : null);
  if (!own) return null;
  let ownSentAt = patch.own ? at : prev ? sentAt.get(prev) : undefined;
  const byName = new Map((prev?.servers ?? []).map((s) => [s.name, s]));
  for (const server of patch.servers ?? []) {
    byName.set(server.name, server);
    sentAt.set(server, at);
  }
  const order = patch.order ?? (prev?.servers ?? []).map((s) => s.name);
  const servers: ServerDto[] = [];
  for (const name of order) {
    const server = byName.get(name);
    if (!server) return null;
    servers.push(server);
  }
  // A row's figures come together: the row, and each object in it, is copied once however many of them changed.
  const figures = patch.figures ?? [];
  let i = 0;
  while (i < figures.length) {
    const place = figures[i] as number;
    const row: object | undefined = place === OWN_ROW ? own : servers[place];
    if (!row) return null;
    const copy = { ...row } as Record<string, unknown>;
    const copied = new Set<string>();
    let reanchored = false;
    for (; i < figures.length && figures[i] === place; i += 3) {
      const field = figures[i + 1] as number;
      const segments = NUMERIC_SEGMENTS[field];
      if (!segments) return null;
      setFigure(copy, copied, segments, figures[i + 2] ?? null);
      if (AGE_PLACES.has(field)) reanchored = true;
    }
    if (place === OWN_ROW) {
      own = copy as unknown as BackendOwn;
      if (reanchored) ownSentAt = at;
      continue;
    }
    // Ages sent again: measured from this poll on; otherwise from when they last were.
    const sent = reanchored ? at : sentAt.get(row);
    if (sent !== undefined) sentAt.set(copy, sent);
    servers[place] = copy as unknown as ServerDto;
  }
  const backend: BackendDto = { ...own, servers };
  if (ownSentAt !== undefined) sentAt.set(backend, ownSentAt);
  return backend;
}

/** Sets one figure of a row being copied: the object it sits in (one level down at most) is copied first, once. */
function setFigure(
  copy: Record<string, unknown>,
  copied: Set<string>,
  segments: readonly string[],
  value: number | null,
): void {
  const [head, leaf] = segments as [string, string?];
  if (leaf === undefined) {
    copy[head] = value;
    return;
  }
  if (!copied.has(head)) {
    copy[head] = { ...(copy[head] as object) };
    copied.add(head);
  }
  (copy[head] as Record<string, unknown>)[leaf] = value;
}

function withoutServers(backend: BackendDto): BackendOwn {
  const own: Partial<BackendDto> = { ...backend };
  delete own.servers;
  return own as BackendOwn;
}

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
