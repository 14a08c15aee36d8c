/** Loads what the pure uptime math needs for a range: each server's state at the start, its changes, no-data. */
import type { Interval } from '@/lib/health/history-types';
import { invertIntervals, type ServerTimelineInput, type TimelineChange } from '@/lib/health/timeline';
import type { HistoryDb } from './db';
import { coverageByInstance, serverCoverage } from './rollup';
import { toStatusPoint } from './status-codes';

export interface ServerDimension {
  id: number;
  instance: string;
  backend: string;
  server: string;
  backup: boolean;
  pool: string | null;
}

export interface ServerTimeline {
  server: ServerDimension;
  input: ServerTimelineInput;
}

interface DimRow {
  id: number;
  instance: string;
  instance_id: number;
  backend: string;
  name: string;
  backup: number;
  pool: string | null;
  first_seen_at: number;
  first_status: number;
  first_transition: number;
  gone_at: number | null;
}

interface ChangeRow {
  server_id: number;
  at: number;
  to_status: number;
  to_transition: number;
  check_status: string | null;
  check_code: number | null;
  check_desc: string | null;
}

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

/** Timelines of every server (or one) over range; servers first seen after the range ends are left out. */
export function loadTimelines(db: HistoryDb, range: Interval, serverId?: number): ServerTimeline[] {
  const one = serverId !== undefined;
  const dims = (
    one ? db.prepare(`${DIM_SQL} WHERE s.id = ?`).all(serverId) : db.prepare(DIM_SQL).all()
  ) as DimRow[];
  const initial = new Map<number, ChangeRow>();
  const last = db.prepare(
    `SELECT ${CHANGE_COLUMNS} FROM transitions WHERE server_id = ? AND at <= ? ORDER BY at DESC, id DESC LIMIT 1`,
  );
  for (const dim of dims) {
    const row = last.get(dim.id, range.from) as ChangeRow | undefined;
    if (row) initial.set(dim.id, row);
  }
  // Raw rows (arrays): a month of transitions for thousands of servers is tens of thousands of rows.
  const changeRows = (
    one
      ? db
          .prepare(
            `SELECT ${CHANGE_COLUMNS} FROM transitions WHERE server_id = ? AND at > ? AND at < ? ORDER BY at, id`,
          )
          .raw()
          .all(serverId, range.from, range.to)
      : db
          .prepare(`SELECT ${CHANGE_COLUMNS} FROM transitions WHERE at > ? AND at < ? ORDER BY at, id`)
          .raw()
          .all(range.from, range.to)
  ) as ChangeTuple[];
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
      const covered = serverCoverage(coverage.get(dim.instance_id) ?? [], dim, range);
      return {
        server: toDimension(dim),
        input: toInput(dim, initial.get(dim.id), changes.get(dim.id) ?? [], covered, range),
      };
    });
}

function toInput(
  dim: DimRow,
  before: ChangeRow | undefined,
  changes: TimelineChange[],
  covered: Interval[],
  range: Interval,
): ServerTimelineInput {
  const first = toStatusPoint(dim.first_status, dim.first_transition);
  const seenBefore = dim.first_seen_at <= range.from;
  const initialRow = before ? toChange(before) : null;
  return {
    initial: seenBefore ? (initialRow?.to ?? first) : null,
    initialCause: initialRow
      ? {
          checkStatus: initialRow.checkStatus ?? null,
          checkCode: initialRow.checkCode ?? null,
          description: initialRow.description ?? null,
        }
      : null,
    changes: seenBefore ? changes : [{ at: dim.first_seen_at, to: first }, ...changes],
    noData: invertIntervals(covered, range),
  };
}

function toChange(row: ChangeRow): TimelineChange {
  return {
    at: row.at,
    to: toStatusPoint(row.to_status, row.to_transition),
    checkStatus: row.check_status,
    checkCode: row.check_code,
    description: row.check_desc,
  };
}

function toDimension(row: DimRow): ServerDimension {
  return {
    id: row.id,
    instance: row.instance,
    backend: row.backend,
    server: row.name,
    backup: row.backup === 1,
    pool: row.pool,
  };
}
