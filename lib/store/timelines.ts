/** Loads what the pure uptime math needs for a range: each server's state at the start, its changes, no-data. */
import type { Interval } from '@/lib/health/history-types';
import type { TimelineChange } from '@/lib/health/timeline';
import type { HistoryDb } from './db';
import { coverageByInstance, lifeCoverage } from './dimensions';
import type { ServerDimension, ServerFilter } from './history-types';
import {
  toChange,
  toDimension,
  toInput,
  type ChangeRow,
  type DimRow,
  type ServerTimeline,
} from './timeline-rows';

export type { ServerTimeline } from './timeline-rows';

type ChangeTuple = [number, number, number, number, string | null, number | null, string | null];

const DIM_SQL = `SELECT s.id, i.name AS instance, s.instance_id, s.backend, s.name, s.backup, s.pool, s.first_seen_at,
  s.first_status, s.first_transition, s.gone_at FROM servers s JOIN instances i ON i.id = s.instance_id`;
const CHANGE_COLUMNS = 'server_id, at, to_status, to_transition, check_status, check_code, check_desc';

export function findServer(
  db: HistoryDb,
  instance: string,
  backend: string,
  server: string,
): ServerDimension | null {
  const row = db
    .prepare(`${DIM_SQL} WHERE i.name = ? AND s.backend = ? AND s.name = ?`)
    .get(instance, backend, server) as DimRow | undefined;
  return row ? toDimension(row) : null;
}

const FILTER_COLUMNS = {
  id: 's.id',
  instance: 'i.name',
  backend: 's.backend',
  server: 's.name',
  pool: 's.pool',
};

/** `AND …` conditions on servers s joined to instances i, with their values, for the fields the filter names. */
export function filterSql(filter: ServerFilter): { where: string; values: (string | number)[] } {
  const keys = (Object.keys(FILTER_COLUMNS) as (keyof ServerFilter)[]).filter((k) => filter[k] !== undefined);
  return {
    where: keys.map((key) => ` AND ${FILTER_COLUMNS[key]} = ?`).join(''),
    values: keys.map((key) => filter[key]!),
  };
}

/** Timelines of the servers the filter keeps over range; servers first seen after the range ends are left out. */
export function loadTimelines(db: HistoryDb, range: Interval, filter: ServerFilter = {}): ServerTimeline[] {
  const { where, values } = filterSql(filter);
  const dims = db.prepare(`${DIM_SQL} WHERE 1 = 1${where}`).all(...values) as DimRow[];
  const initial = new Map<number, ChangeRow>();
  const last = db.prepare(
    `SELECT ${CHANGE_COLUMNS} FROM transitions WHERE server_id = ? AND at <= ? ORDER BY at DESC, id DESC LIMIT 1`,
  );
  for (const dim of dims) {
    const row = last.get(dim.id, range.from) as ChangeRow | undefined;
    if (row) initial.set(dim.id, row);
  }
  const changeRows = loadChangeRows(db, range, where, values);
  const changes = new Map<number, TimelineChange[]>();
  for (const [server_id, at, to_status, to_transition, check_status, check_code, check_desc] of changeRows) {
    const change = toChange({
      server_id,
      at,
      to_status,
      to_transition,
      check_status,
      check_code,
      check_desc,
    });
    const list = changes.get(server_id);
    if (list) list.push(change);
    else changes.set(server_id, [change]);
  }
  const coverage = coverageByInstance(db, range);
  return dims
    .filter((dim) => dim.first_seen_at < range.to)
    .map((dim) => {
      const covered = lifeCoverage(coverage.get(dim.instance_id) ?? [], dim, range);
      return {
        server: toDimension(dim),
        input: toInput(dim, initial.get(dim.id), changes.get(dim.id) ?? [], covered, range),
      };
    });
}

/** Raw rows (arrays): a month of transitions for thousands of servers is tens of thousands of rows. */
function loadChangeRows(
  db: HistoryDb,
  range: Interval,
  where: string,
  values: (string | number)[],
): ChangeTuple[] {
  const servers = where
    ? ` AND server_id IN (SELECT s.id FROM servers s JOIN instances i ON i.id = s.instance_id WHERE 1 = 1${where})`
    : '';
  return db
    .prepare(`SELECT ${CHANGE_COLUMNS} FROM transitions WHERE at > ? AND at < ?${servers} ORDER BY at, id`)
    .raw()
    .all(range.from, range.to, ...values) as ChangeTuple[];
}
