/**
 * What both stores read to build a server's timeline (timelines.ts, postgres-timelines.ts): its dimension row, its
 * transitions, and the pure step from those rows to the input of the uptime math. Pure.
 */
import type { Interval } from '@/lib/health/history-types';
import { invertIntervals, type ServerTimelineInput, type TimelineChange } from '@/lib/health/timeline';
import type { ServerDimension } from './history-types';
import { toStatusPoint } from './status-codes';

export interface ServerTimeline {
  server: ServerDimension;
  input: ServerTimelineInput;
}

/** A server as stored, with its instance's name (SQLite stores `backup` as 0/1, PostgreSQL as a boolean). */
export interface DimRow {
  id: number;
  instance: string;
  instance_id: number;
  backend: string;
  name: string;
  backup: number | boolean;
  pool: string | null;
  first_seen_at: number;
  first_status: number;
  first_transition: number;
  gone_at: number | null;
}

export interface ChangeRow {
  server_id: number;
  at: number;
  to_status: number;
  to_transition: number;
  check_status: string | null;
  check_code: number | null;
  check_desc: string | null;
}

/** The input of the uptime math for one server over `range`: its state at the start, its changes, no-data. */
export function toInput(
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

export function toChange(row: ChangeRow): TimelineChange {
  return {
    at: row.at,
    to: toStatusPoint(row.to_status, row.to_transition),
    checkStatus: row.check_status,
    checkCode: row.check_code,
    description: row.check_desc,
  };
}

export function toDimension(row: DimRow): ServerDimension {
  return {
    id: row.id,
    instance: row.instance,
    backend: row.backend,
    server: row.name,
    backup: row.backup === 1 || row.backup === true,
    pool: row.pool,
  };
}
