/**
 * One poll's writes on PostgreSQL, in the caller's transaction: the rows it creates first (their stored ids under
 * the provisional ones), then a statement per kind of write for all its rows (poll-batches.ts groups them).
 */
import type { HistoryWrite, StoredIds } from './history-writes';
import { groupUpdates, splitCreations } from './poll-batches';
import type { PgDb } from './postgres-connection';
import {
  BACKEND_SAMPLE_COLUMNS,
  BACKEND_SAMPLE_CONFLICT,
  SAMPLE_COLUMNS,
  SAMPLE_CONFLICT,
  TRANSITION_COLUMNS,
} from './postgres-sample-columns';
import { insertMany, updateMany } from './postgres-unnest';
import { statusCode, transitionCode } from './status-codes';

/** The rows the poll creates, then every other write, a statement per kind; provisional id → stored id. */
export async function writePoll(db: PgDb, writes: readonly HistoryWrite[]): Promise<StoredIds> {
  const stored = new Map<number, number>();
  await createRows(db, writes, stored);
  const id = (ref: number) => (ref < 0 ? stored.get(ref)! : ref);
  const u = groupUpdates(writes, id);
  await updateMany(
    db,
    'coverage',
    { name: 'id', type: 'bigint', value: (c) => c.id },
    [{ name: 'to_ms', type: 'bigint', value: (c) => c.to }],
    [...u.coverageEnds.values()],
  );
  await updateMany(
    db,
    'instances',
    { name: 'id', type: 'int', value: (p) => p.instanceId },
    [
      { name: 'pid', type: 'bigint', value: (p) => p.pid },
      { name: 'uptime_sec', type: 'bigint', value: (p) => p.uptimeSec },
      { name: 'info_at', type: 'bigint', value: (p) => p.at },
    ],
    [...u.processes.values()],
  );
  await insertMany(
    db,
    'reloads',
    [
      { name: 'instance_id', type: 'int', value: (r) => r.instanceId },
      { name: 'at', type: 'bigint', value: (r) => r.at },
      { name: 'pid', type: 'bigint', value: (r) => r.pid },
    ],
    u.reloads,
    'ON CONFLICT DO NOTHING',
  );
  const serverId = { name: 'id', type: 'int', value: (s: { id: number }) => s.id };
  await updateMany(
    db,
    'servers',
    serverId,
    [
      { name: 'last_status', type: 'smallint', value: (s) => statusCode(s.point.status) },
      { name: 'last_transition', type: 'smallint', value: (s) => transitionCode(s.point.transition) },
    ],
    [...u.serverStates.values()],
  );
  await updateMany(
    db,
    'servers',
    serverId,
    [
      { name: 'backup', type: 'boolean', value: (s) => s.backup },
      { name: 'pool', type: 'text', value: (s) => s.pool },
    ],
    [...u.serverMeta.values()],
  );
  await updateMany(
    db,
    'servers',
    serverId,
    [{ name: 'gone_at', type: 'bigint', value: (s) => s.at }],
    [...u.serverGone.values()],
  );
  await updateMany(
    db,
    'backends',
    serverId,
    [{ name: 'gone_at', type: 'bigint', value: (s) => s.at }],
    [...u.backendGone.values()],
  );
  await insertMany(db, 'samples', SAMPLE_COLUMNS, [...u.samples.values()], SAMPLE_CONFLICT, false);
  await insertMany(
    db,
    'backend_samples',
    BACKEND_SAMPLE_COLUMNS,
    [...u.backendSamples.values()],
    BACKEND_SAMPLE_CONFLICT,
    false,
  );
  await insertMany(db, 'transitions', TRANSITION_COLUMNS, u.transitions);
  return stored;
}

/** Coverage intervals, servers and backends the poll creates, each stored id under its provisional one. */
async function createRows(
  db: PgDb,
  writes: readonly HistoryWrite[],
  stored: Map<number, number>,
): Promise<void> {
  const { newCoverage, newServers, newBackends } = splitCreations(writes);
  const coverage = await insertMany<
    (typeof newCoverage)[number],
    { id: number; instance_id: number; from_ms: number }
  >(
    db,
    'coverage',
    [
      { name: 'instance_id', type: 'int', value: (c) => c.instanceId },
      { name: 'from_ms', type: 'bigint', value: (c) => c.at },
      { name: 'to_ms', type: 'bigint', value: (c) => c.at },
    ],
    newCoverage,
    'RETURNING id, instance_id, from_ms',
  );
  mapIds(
    newCoverage,
    coverage,
    (c) => `${c.instanceId}/${c.at}`,
    (r) => `${r.instance_id}/${r.from_ms}`,
    stored,
  );
  const servers = await insertMany<
    (typeof newServers)[number],
    { id: number; instance_id: number; backend: string; name: string }
  >(
    db,
    'servers',
    [
      { name: 'instance_id', type: 'int', value: (s) => s.instanceId },
      { name: 'backend', type: 'text', value: (s) => s.server.backend },
      { name: 'name', type: 'text', value: (s) => s.server.name },
      { name: 'backup', type: 'boolean', value: (s) => s.server.backup },
      { name: 'pool', type: 'text', value: (s) => s.server.pool },
      { name: 'first_seen_at', type: 'bigint', value: (s) => s.at },
      { name: 'first_status', type: 'smallint', value: (s) => statusCode(s.point.status) },
      { name: 'first_transition', type: 'smallint', value: (s) => transitionCode(s.point.transition) },
      { name: 'last_status', type: 'smallint', value: (s) => statusCode(s.point.status) },
      { name: 'last_transition', type: 'smallint', value: (s) => transitionCode(s.point.transition) },
    ],
    newServers,
    'RETURNING id, instance_id, backend, name',
  );
  const serverKey = (instanceId: number, backend: string, name: string) =>
    JSON.stringify([instanceId, backend, name]);
  mapIds(
    newServers,
    servers,
    (s) => serverKey(s.instanceId, s.server.backend, s.server.name),
    (r) => serverKey(r.instance_id, r.backend, r.name),
    stored,
  );
  const backends = await insertMany<
    (typeof newBackends)[number],
    { id: number; instance_id: number; name: string }
  >(
    db,
    'backends',
    [
      { name: 'instance_id', type: 'int', value: (b) => b.instanceId },
      { name: 'name', type: 'text', value: (b) => b.name },
      { name: 'first_seen_at', type: 'bigint', value: (b) => b.at },
    ],
    newBackends,
    'RETURNING id, instance_id, name',
  );
  mapIds(
    newBackends,
    backends,
    (b) => JSON.stringify([b.instanceId, b.name]),
    (r) => JSON.stringify([r.instance_id, r.name]),
    stored,
  );
}

/** RETURNING gives no promise of order: rows are matched to what created them by their natural key. */
function mapIds<W extends { ref: number }, R extends { id: number }>(
  created: readonly W[],
  returned: readonly R[],
  keyOf: (write: W) => string,
  keyOfRow: (row: R) => string,
  stored: Map<number, number>,
): void {
  const ids = new Map(returned.map((r) => [keyOfRow(r), r.id]));
  for (const write of created) stored.set(write.ref, ids.get(keyOf(write))!);
}
