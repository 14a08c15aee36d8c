/**
 * How a column reads a server or a backend: the value it sorts by, the text of its cell and, for the few cells
 * that can be abnormal or should step back, a look. Pure; the column table (columns.ts) is built from these.
 */
import type { Backend, Server, TrafficCounter } from '@/lib/health/types';
import { formatNumber } from '../../ui/format';
import type { AbnormalThresholds } from './abnormal';
import type { DisagreementOf } from './view-disagreement';

export type SortValue = number | string | null;

/** What a cell needs beyond its row: the alert thresholds, and the 24h uptime the history serves. */
export interface ColumnContext {
  thresholds: AbnormalThresholds;
  /** Uptime % by server or backend key (lib/health/server-key); undefined until the history answers. */
  uptimeOf: (key: string) => number | null | undefined;
  /** What two load balancers disagree about a server (view-disagreement.ts); absent: nothing to compare. */
  disagreementOf?: DisagreementOf;
  /**
   * A row's age now: the live snapshot sends a row again only when it changed, and predicts its ages in between
   * (lib/snapshot/snapshot-delta.ts); absent: the ages as the row says them.
   */
  ageOf?: (row: ProxyRow, instance: string, field: AgeField) => number | null;
}

/** The fields that count seconds since something, and so grow between polls by themselves. */
export type AgeField = 'lastChangeSec' | 'lastSessionSec';

/** A cell that steps back (a zero that means "fine"), or one highlighted with the reason it is abnormal. */
export type CellLook = { tone: 'muted' } | { tone: 'abnormal'; reason: string };

/** `backend` is the row's own backend: the server's, or the backend itself. */
export interface Reading<T> {
  /** What the column sorts by; null (unknown) sorts last in either direction. */
  sort: (row: T, ctx: ColumnContext, backend: Backend) => SortValue;
  text: (row: T, ctx: ColumnContext, backend: Backend) => string;
  look?: (row: T, ctx: ColumnContext) => CellLook | null;
}

export type ProxyRow = Server | Backend;

/** A number read the same way from servers and backends, formatted by `format`. */
export function figure<T>(
  get: (row: T) => number | null,
  format: (n: number | null) => string = formatNumber,
): Reading<T> {
  return { sort: get, text: (row) => format(get(row)) };
}

/** An age (seconds since the last change, the last session) as the tab shows it now. */
export function ageNow(row: ProxyRow, ctx: ColumnContext, backend: Backend, field: AgeField): number | null {
  return ctx.ageOf ? ctx.ageOf(row, backend.instance, field) : row[field];
}

/** One of HAProxy's cumulative counters (TrafficCounters). */
export function counter(
  key: TrafficCounter,
  format: (n: number | null) => string = formatNumber,
): Reading<ProxyRow> {
  return figure((row: ProxyRow) => row.counters[key], format);
}

/** "cur / max" or "cur / max / limit", sorted by the first part. */
export function ratio<T>(parts: (row: T) => readonly (number | null)[]): Reading<T> {
  return {
    sort: (row) => parts(row)[0] ?? null,
    text: (row) => parts(row).map(formatNumber).join(' / '),
  };
}

/** A figure whose cell is highlighted when `isAbnormal` says so, naming the threshold it crossed. */
export function flagged<T>(
  reading: Reading<T>,
  isAbnormal: (row: T, thresholds: AbnormalThresholds) => boolean,
  reason: (thresholds: AbnormalThresholds) => string,
): Reading<T> {
  return {
    ...reading,
    look: (row, ctx) =>
      isAbnormal(row, ctx.thresholds) ? { tone: 'abnormal', reason: reason(ctx.thresholds) } : null,
  };
}

/** A figure whose zero steps back (no downtime, no failed check). */
export function quietZero<T>(
  get: (row: T) => number | null,
  format: (n: number | null) => string = formatNumber,
): Reading<T> {
  return { ...figure(get, format), look: (row) => (get(row) === 0 ? { tone: 'muted' } : null) };
}

/** A server-only or backend-only text column sorted by the same text. */
export function text<T>(get: (row: T) => string | null): Reading<T> {
  return { sort: get, text: (row) => get(row) ?? '–' };
}
