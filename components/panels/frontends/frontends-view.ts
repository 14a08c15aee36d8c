/**
 * The frontends section's view: per instance, one row per frontend and one per listener under it, each a list
 * of cell texts in the order of FRONTEND_COLUMNS (grouped as HAProxy's stats page groups them). Pure.
 */
import type { Frontend, Listener, TrafficCounter } from '@/lib/health/types';
import type { IconShape } from '../../ui/shape-icon';
import { formatBytes, formatNumber, formatRatio } from '../../ui/format';
import { http5xxReason, is5xxAbnormal, type AbnormalThresholds } from '../server-table/abnormal';
import { format5xxRate } from '../server-table/cell-format';

export interface FigureColumn {
  id: string;
  /** The heading over several columns (Sessions, Denied …). */
  group: string;
  label: string;
  /** The tooltip, naming HAProxy's CSV field. */
  title: string;
}

const fig = (id: string, group: string, label: string, title: string): FigureColumn => ({
  id,
  group,
  label,
  title,
});

export const FRONTEND_COLUMNS: readonly FigureColumn[] = [
  fig('sessions', 'Sessions', 'Cur / max / limit', 'Sessions: current / max / limit (scur, smax, slim)'),
  fig(
    'session-rate',
    'Sessions',
    'Rate cur / max / limit',
    'New sessions per second (rate, rate_max, rate_lim)',
  ),
  fig('request-rate', 'Requests', 'Rate cur / max', 'HTTP requests per second (req_rate, req_rate_max)'),
  fig('denied-req', 'Denied', 'Req', 'Requests denied by http-request rules (dreq)'),
  fig('denied-resp', 'Denied', 'Resp', 'Responses denied by http-response rules (dresp)'),
  fig('denied-conn', 'Denied', 'Conn', 'Connections refused by tcp-request connection rules (dcon)'),
  fig('denied-sess', 'Denied', 'Sess', 'Sessions refused by tcp-request session rules (dses)'),
  fig('errors-req', 'Errors', 'Req', 'Request errors: bad requests, client timeouts, aborts (ereq)'),
  fig('http-1xx', 'HTTP responses', '1xx', 'Responses with a 1xx status (hrsp_1xx)'),
  fig('http-2xx', 'HTTP responses', '2xx', 'Responses with a 2xx status (hrsp_2xx)'),
  fig('http-3xx', 'HTTP responses', '3xx', 'Responses with a 3xx status (hrsp_3xx)'),
  fig('http-4xx', 'HTTP responses', '4xx', 'Responses with a 4xx status (hrsp_4xx)'),
  fig('http-5xx', 'HTTP responses', '5xx', 'Responses with a 5xx status (hrsp_5xx)'),
  fig('http-other', 'HTTP responses', 'Other', 'Responses with another status (hrsp_other)'),
  fig(
    'http-5xx-rate',
    'HTTP responses',
    '5xx/s',
    '5xx responses per second over the last poll, and their share',
  ),
  fig('bytes-in', 'Bytes', 'In', 'Bytes received from clients (bin)'),
  fig('bytes-out', 'Bytes', 'Out', 'Bytes sent to clients (bout)'),
];

/** Consecutive columns under one heading, for the table's first header row. */
export function columnGroups(columns: readonly FigureColumn[]): { label: string; span: number }[] {
  const groups: { label: string; span: number }[] = [];
  for (const column of columns) {
    const last = groups.at(-1);
    if (last?.label === column.group) last.span += 1;
    else groups.push({ label: column.group, span: 1 });
  }
  return groups;
}

export interface Cell {
  text: string;
  /** Why the figure is abnormal (it is then highlighted), else null. */
  abnormal: string | null;
  /** The exact figure where the cell rounds it (bytes). */
  title?: string;
}

export interface StatusLook {
  label: string;
  tone: string;
  shape: IconShape;
}

export interface FrontendRow {
  kind: 'frontend' | 'listener';
  key: string;
  name: string;
  /** http, tcp …; the listener's address on listener rows. */
  detail: string | null;
  status: StatusLook;
  cells: Cell[];
}

/**
 * Whether two rows show the same (every text, highlight and tooltip): a row is built again each poll, and one that
 * shows the same need not be rendered again (most frontends of a large HAProxy are idle in any one poll).
 */
export function sameFrontendRow(a: FrontendRow, b: FrontendRow): boolean {
  return (
    a.kind === b.kind &&
    a.key === b.key &&
    a.name === b.name &&
    a.detail === b.detail &&
    a.status.label === b.status.label &&
    a.status.tone === b.status.tone &&
    a.status.shape === b.status.shape &&
    a.cells.length === b.cells.length &&
    a.cells.every((cell, i) => {
      const other = b.cells[i]!;
      return cell.text === other.text && cell.abnormal === other.abnormal && cell.title === other.title;
    })
  );
}

export interface InstanceFrontends {
  instance: string;
  frontends: number;
  rows: FrontendRow[];
}

/** OPEN serves; FULL is at its maxconn (new clients wait); STOP is disabled or paused. */
export function frontendStatusLook(status: string): StatusLook {
  if (status === 'OPEN') return { label: 'OPEN', tone: 'up', shape: 'circle' };
  if (status === 'FULL') return { label: 'FULL', tone: 'going-down', shape: 'triangle-down' };
  if (status === 'STOP') return { label: 'STOP', tone: 'maint', shape: 'pause' };
  return { label: status || '?', tone: 'nolb', shape: 'diamond' };
}

const plain = (text: string): Cell => ({ text, abnormal: null });
const count = (counters: Record<TrafficCounter, number | null>, key: TrafficCounter) =>
  plain(formatNumber(counters[key]));
const bytes = (n: number | null): Cell => ({
  text: formatBytes(n),
  abnormal: null,
  title: n === null ? undefined : `${formatNumber(n)} bytes`,
});

function trafficCells(proxy: Frontend | Listener, thresholds: AbnormalThresholds): Cell[] {
  const { counters, rates } = proxy;
  return [
    count(counters, 'deniedRequests'),
    count(counters, 'deniedResponses'),
    count(counters, 'deniedConnections'),
    count(counters, 'deniedSessions'),
    count(counters, 'requestErrors'),
    count(counters, 'http1xx'),
    count(counters, 'http2xx'),
    count(counters, 'http3xx'),
    count(counters, 'http4xx'),
    count(counters, 'http5xx'),
    count(counters, 'httpOther'),
    {
      text: format5xxRate(rates),
      abnormal: is5xxAbnormal(rates, thresholds) ? http5xxReason(thresholds) : null,
    },
    bytes(counters.bytesIn),
    bytes(counters.bytesOut),
  ];
}

function frontendRow(frontend: Frontend, thresholds: AbnormalThresholds): FrontendRow {
  const { sessions, sessionRate, requestRate } = frontend;
  return {
    kind: 'frontend',
    key: `${frontend.instance}/${frontend.name}`,
    name: frontend.name,
    detail: frontend.mode,
    status: frontendStatusLook(frontend.status),
    cells: [
      plain(formatRatio(sessions.current, sessions.max, sessions.limit)),
      plain(formatRatio(sessionRate.current, sessionRate.max, sessionRate.limit)),
      // tcp mode: HAProxy counts no HTTP requests.
      plain(requestRate.current === null ? '–' : formatRatio(requestRate.current, requestRate.max)),
      ...trafficCells(frontend, thresholds),
    ],
  };
}

function listenerRow(frontend: Frontend, listener: Listener, thresholds: AbnormalThresholds): FrontendRow {
  const { sessions } = listener;
  return {
    kind: 'listener',
    key: `${frontend.instance}/${frontend.name}/${listener.name}`,
    name: listener.name,
    detail: listener.address,
    status: frontendStatusLook(listener.status),
    // Listeners have no rates of their own in HAProxy's CSV.
    cells: [
      plain(formatRatio(sessions.current, sessions.max, sessions.limit)),
      plain('–'),
      plain('–'),
      ...trafficCells(listener, thresholds),
    ],
  };
}

/** Frontends by instance, in the snapshot's order, each followed by its listeners. */
export function toFrontendRows(
  frontends: readonly Frontend[],
  thresholds: AbnormalThresholds,
): InstanceFrontends[] {
  const byInstance = new Map<string, InstanceFrontends>();
  for (const frontend of frontends) {
    let group = byInstance.get(frontend.instance);
    if (!group) {
      group = { instance: frontend.instance, frontends: 0, rows: [] };
      byInstance.set(frontend.instance, group);
    }
    group.frontends += 1;
    group.rows.push(frontendRow(frontend, thresholds));
    for (const listener of frontend.listeners) group.rows.push(listenerRow(frontend, listener, thresholds));
  }
  return [...byInstance.values()];
}

/** One line of the frontends table: an instance's heading (with several instances), a frontend, a listener. */
export type FrontendLine =
  | { kind: 'instance'; key: string; instance: string; frontends: number }
  | (FrontendRow & { instance: string });

/** The table's lines, in order: each instance's frontends and listeners, under its heading when there are several. */
export function frontendLines(
  frontends: readonly Frontend[],
  thresholds: AbnormalThresholds,
): FrontendLine[] {
  const groups = toFrontendRows(frontends, thresholds);
  const lines: FrontendLine[] = [];
  for (const group of groups) {
    if (groups.length > 1)
      lines.push({
        kind: 'instance',
        key: `instance:${group.instance}`,
        instance: group.instance,
        frontends: group.frontends,
      });
    for (const row of group.rows) lines.push({ ...row, instance: group.instance });
  }
  return lines;
}

/** Whether two lines show the same (sameFrontendRow, and the instance). */
export function sameFrontendLine(a: FrontendLine, b: FrontendLine): boolean {
  if (a.kind === 'instance') return b.kind === 'instance' && a.key === b.key && a.frontends === b.frontends;
  if (b.kind === 'instance') return false;
  return a.instance === b.instance && sameFrontendRow(a, b);
}

export interface FrontendsSummary {
  total: number;
  full: number;
  stopped: number;
  /** Frontends whose 5xx share is abnormal. */
  abnormal5xx: number;
}

/** The counts the section's heading shows, so a closed section still tells of trouble. */
export function summarizeFrontends(
  frontends: readonly Frontend[],
  thresholds: AbnormalThresholds,
): FrontendsSummary {
  let full = 0;
  let stopped = 0;
  let abnormal5xx = 0;
  for (const f of frontends) {
    if (f.status === 'FULL') full += 1;
    if (f.status === 'STOP') stopped += 1;
    if (is5xxAbnormal(f.rates, thresholds)) abnormal5xx += 1;
  }
  return { total: frontends.length, full, stopped, abnormal5xx };
}
