/**
 * Which sources read the same HAProxy process (its stats page and its runtime socket, say): the same pid, node and
 * start time. The start time is worked out as "read at − uptime"; both are whole seconds read a moment apart (the
 * stats page after the CSV), hence the tolerance. Pure: the caller passes when each reading was taken.
 */

/** What one source last read of its process; null fields were not reported. */
export interface ProcessReading {
  name: string;
  pid: number | null;
  /** `show info`'s node, or the stats page's "on <node>" (only with `stats show-node`). */
  nodeName: string | null;
  uptimeSec: number | null;
  /** When the reading was taken (epoch ms); null when the source never read its process information. */
  readAt: number | null;
}

/** Uptime is whole seconds and the stats page is rendered after the CSV is read: a few seconds of slack. */
export const START_TIME_TOLERANCE_MS = 5_000;

export interface SameProcessGrouping {
  /** For each source, the others that read the same process (config order); absent: none. */
  peers: Map<string, string[]>;
  /**
   * Sources whose reading is older than a peer's that no longer matches (the process reloaded and this source has
   * not read its information since), with the time of that reading: they stay grouped until they read it again,
   * which they should do at their next poll.
   */
  stale: Map<string, number>;
}

/** When the process started (epoch ms), or null when the reading cannot tell. */
export function startedAtMs(reading: ProcessReading): number | null {
  if (reading.uptimeSec === null || reading.readAt === null) return null;
  return reading.readAt - reading.uptimeSec * 1000;
}

/** Same pid, start times within the tolerance, and the same node where both name one. */
export function sameProcess(a: ProcessReading, b: ProcessReading): boolean {
  if (a.pid === null || a.pid !== b.pid) return false;
  if (a.nodeName !== null && b.nodeName !== null && a.nodeName !== b.nodeName) return false;
  const startA = startedAtMs(a);
  const startB = startedAtMs(b);
  return startA !== null && startB !== null && Math.abs(startA - startB) <= START_TIME_TOLERANCE_MS;
}

/**
 * Groups the readings by process. A pair grouped last time (`previous`) that no longer matches stays together
 * until the one read earlier has read again: one source saw a reload before the other. Then it is judged afresh.
 */
export function groupSameProcess(
  readings: readonly ProcessReading[],
  previous: SameProcessGrouping | null = null,
): SameProcessGrouping {
  const parent = readings.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const stale = new Map<string, number>();
  readings.forEach((a, i) => {
    readings.forEach((b, j) => {
      if (j <= i) return;
      const waiting =
        !sameProcess(a, b) && previous?.peers.get(a.name)?.includes(b.name) ? awaiting(a, b, previous) : null;
      if (waiting && waiting.readAt !== null) stale.set(waiting.name, waiting.readAt);
      if (waiting || sameProcess(a, b)) parent[root(j)] = root(i);
    });
  });
  const peers = new Map<string, string[]>();
  readings.forEach((a, i) => {
    const others = readings.filter((b, j) => j !== i && root(j) === root(i)).map((b) => b.name);
    if (others.length > 0) peers.set(a.name, others);
  });
  return { peers, stale };
}

/** Of a formerly grouped pair that differs now, the one yet to read again; null once it has (or cannot tell). */
function awaiting(
  a: ProcessReading,
  b: ProcessReading,
  previous: SameProcessGrouping,
): ProcessReading | null {
  for (const reading of [a, b]) {
    const flaggedAt = previous.stale.get(reading.name);
    if (flaggedAt !== undefined) return flaggedAt === reading.readAt ? reading : null;
  }
  return olderReading(a, b);
}

/** The reading taken strictly earlier, or null when they were taken at the same time (or one never was). */
function olderReading(a: ProcessReading, b: ProcessReading): ProcessReading | null {
  if (a.readAt === null || b.readAt === null || a.readAt === b.readAt) return null;
  return a.readAt < b.readAt ? a : b;
}

/**
 * The one source of each process whose servers are counted (alerts, pools, the pool matrix): the first, in
 * config order, that answered its last poll; when none did, the first with data.
 */
export function countedSources(
  sources: readonly { name: string; ok: boolean; hasData: boolean }[],
  peers: ReadonlyMap<string, readonly string[]>,
): Set<string> {
  const counted = new Set<string>();
  const done = new Set<string>();
  for (const source of sources) {
    if (done.has(source.name)) continue;
    const names = new Set([source.name, ...(peers.get(source.name) ?? [])]);
    const members = sources.filter((s) => names.has(s.name));
    const pick = members.find((s) => s.ok) ?? members.find((s) => s.hasData) ?? source;
    counted.add(pick.name);
    for (const name of names) done.add(name);
  }
  return counted;
}
