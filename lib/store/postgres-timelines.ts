/**
 * What the uptime math needs for a range, read from PostgreSQL as timelines.ts reads it from SQLite: each server's
 * state at the start (its latest transition before, one LATERAL lookup for all), its changes, its coverage.
 */
import type { Interval } from '@/lib/health/history-types';
import type { TimelineChange } from '@/lib/health/timeline';
import { lifeCoverage } from './dimensions';
import type { ServerDimension, ServerFilter } from './history-types';
import { rows, type PgDb } from './postgres-connection';
import {
  toChange,
  toDimension,
  toInput,
  type ChangeRow,
  type DimRow,
  type ServerTimeline,
} from './timeline-rows';

const DIM_SQL = `SELECT s.id, i.name AS instance, s.instance_id, s.backend, s.name, s.backup, s.pool, s.first_seen_at,
  s.first_status, s.first_transition, s.gone_at FROM servers s JOIN instances i ON i.id = s.instance_id`;
const CHANGE_COLUMNS = 'server_id, at, to_status, to_transition, check_status, check_code, check_desc';

const FILTER_COLUMNS = {
  id: 's.id',
  instance: 'i.name',
  backend: 's.backend',
  server: 's.name',
  pool: 's.pool',
};

/** `AND …` conditions on servers s joined to instances i for the fields the filter names, numbered from `first`. */
export function filterSql(filter: ServerFilter, first = 1): { where: string; values: (string | number)[] } {
  const keys = (Object.keys(FILTER_COLUMNS) as (keyof ServerFilter)[]).filter((k) => filter[k] !== undefined);
  return {
    where: keys.map((key, i) => ` AND ${FILTER_COLUMNS[key]} = $${first + i}`).join(''),
    values: keys.map((key) => filter[key]!),
  };
}

export async function findServer(
  db: PgDb,
  instance: string,
  backend: string,
  server: string,
): Promise<ServerDimension | null> {
  const [dim] = await rows<DimRow>(db, `${DIM_SQL} WHERE i.name = $1 AND s.backend = $2 AND s.name = $3`, [
    instance,
    backend,
    server,
  ]);
  return dim ? toDimension(dim) : null;
}

export async function coverageByInstance(db: PgDb, range: Interval): Promise<Map<number, Interval[]>> {
  const covered = await rows<{ instance_id: number; from_ms: number; to_ms: number }>(
    db,
    'SELECT instance_id, from_ms, to_ms FROM coverage WHERE to_ms >= $1 AND from_ms < $2 ORDER BY from_ms',
    [range.from, range.to],
  );
  const byInstance = new Map<number, Interval[]>();
  for (const row of covered) {
    const list = byInstance.get(row.instance_id) ?? [];
    list.push({ from: row.from_ms, to: row.to_ms });
    byInstance.set(row.instance_id, list);
  }
  return byInstance;
}

/** Timelines of the servers the filter keeps over range; servers first seen after the range ends are left out. */
export async function loadTimelines(
  db: PgDb,
  range: Interval,
  filter: ServerFilter = {},
): Promise<ServerTimeline[]> {
  const { where, values } = filterSql(filter);
  const dims = (await rows<DimRow>(db, `${DIM_SQL} WHERE 1 = 1${where} ORDER BY s.id`, values)).filter(
    (dim) => dim.first_seen_at < range.to,
  );
  if (dims.length === 0) return [];
  const ids = dims.map((dim) => dim.id);
  const initial = await rows<ChangeRow>(
    db,
    `SELECT t.* FROM unnest($1::int[]) AS d(id) CROSS JOIN LATERAL (
       SELECT ${CHANGE_COLUMNS} FROM transitions WHERE server_id = d.id AND at <= $2 ORDER BY at DESC, id DESC LIMIT 1
     ) t`,
    [ids, range.from],
  );
  const servers = where ? ' AND server_id = ANY($3::int[])' : '';
  const changeRows = await rows<ChangeRow>(
    db,
    `SELECT ${CHANGE_COLUMNS} FROM transitions WHERE at > $1 AND at < $2${servers} ORDER BY at, id`,
    where ? [range.from, range.to, ids] : [range.from, range.to],
  );
  const before = new Map(initial.map((row) => [row.server_id, row]));
  const changes = new Map<number, TimelineChange[]>();
  for (const row of changeRows) {
    const list = changes.get(row.server_id);
    if (list) list.push(toChange(row));
    else changes.set(row.server_id, [toChange(row)]);
  }
  const coverage = await coverageByInstance(db, range);
  return dims.map((dim) => ({
    server: toDimension(dim),
    input: toInput(
      dim,
      before.get(dim.id),
      changes.get(dim.id) ?? [],
      lifeCoverage(coverage.get(dim.instance_id) ?? [], dim, range),
      range,
    ),
  }));
}
