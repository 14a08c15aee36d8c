/**
 * What the overview's worker (overview.worker.ts) and the page say to each other. The worker holds the live
 * snapshot and the table's query; the page holds only what it shows: the counts, the sources, the frontends and
 * the rows in (and near) the table's window. Everything here survives structured cloning (postMessage).
 */
import type { HealthDto } from '@/lib/api/schemas/health';
import type { InstanceDto } from '@/lib/api/snapshot-dto';
import type { Backend, Server } from '@/lib/health/types';
import type { ServerAgreement } from '@/lib/health/view-agreement';
import type { FrontendLine, FrontendsSummary } from '../frontends/frontends-view';
import type { PoolMatrix } from '../pools/pool-matrix-model';
import type { AbnormalThresholds } from '../server-table/abnormal';
import type { TableRow } from '../server-table/rows';
import type { TableQuery } from '../server-table/table-query';
import type { OverviewSummary } from '../summary/summary';

/** What of the table's query decides its rows (the columns shown do not). */
export type RowQuery = Pick<TableQuery, 'q' | 'problems' | 'sort' | 'dir'>;

/** The page to the worker. */
export type OverviewCommand =
  /** Follow the live snapshot (the first page that shows it) or stop (the last one left, after a while). */
  | { kind: 'follow'; on: boolean }
  | { kind: 'query'; query: RowQuery }
  /** The rows the table wants (first inclusive, last exclusive); none: no table is shown. */
  | { kind: 'range'; range: RowRange | null }
  /** The lines the frontends table wants; none: it is folded or not shown. */
  | { kind: 'frontend-range'; range: RowRange | null }
  /** Read the pools for the overview's matrix (while one is shown) or stop. */
  | { kind: 'pool-matrix'; on: boolean }
  | { kind: 'toggle'; key: string }
  | { kind: 'collapse-all'; collapsed: boolean }
  | { kind: 'thresholds'; thresholds: AbnormalThresholds };

export interface RowRange {
  start: number;
  end: number;
}

/** How the live snapshot is doing: the top bar's freshness, the overview's error and loading states. */
export interface LiveStatus {
  /** Browser time the latest data arrived. */
  receivedAt: number | null;
  /** Browser clock minus server clock; add it to a server time to compare it with Date.now(). */
  clockOffsetMs: number;
  pollIntervalMs: number;
  /** The last load's failure (kept while the data shown is older); null when the latest load worked. */
  error: { message: string; status: number | null } | null;
  isLoading: boolean;
}

/**
 * One row of the table's window: the row, its backend (without its servers: the row says how many) and server as
 * of the latest poll, and what cells read beside them. The versions change when the backend's or the server's
 * object does (lib/snapshot/snapshot-delta.ts keeps unchanged ones): the page keeps the objects it holds while they
 * stay, so they are neither sent again nor rendered again.
 */
export interface WindowRow {
  row: TableRow;
  backend: Backend;
  server: Server | null;
  backendVersion: number;
  serverVersion: number | null;
  /** The row's ages now (lastChangeSec, lastSessionSec): sent ages plus the time its source has polled since. */
  ages: [number | null, number | null];
  /** What two load balancers disagree about this server; null: nothing. */
  disagreement: ServerAgreement | null;
  /** The row's 24h uptime %: null without data, undefined until the history answered. */
  uptimePct: number | null | undefined;
}

/** A window row as sent: its backend, its server left out where the page holds them at these versions already. */
export type SentRow = Omit<WindowRow, 'backend' | 'server'> & {
  backend?: Backend;
  server?: Server | null;
};

export interface RowWindow<Row = WindowRow> {
  /** Rows the query gives in all. */
  count: number;
  /** Index of the first row in `rows`. */
  start: number;
  rows: Row[];
}

/** The frontends section: its heading's counts, and the lines in (and near) its table's window. */
export interface FrontendsWindow extends RowWindow<FrontendLine> {
  summary: FrontendsSummary;
}

/** The worker to the page, after every poll applied and every command. */
export interface OverviewView {
  status: LiveStatus;
  /** False until the first snapshot arrived. */
  loaded: boolean;
  /** Every source, as the latest poll says. */
  instances: InstanceDto[];
  /** The frontends' counts and the lines of their table's window; absent: as in the last view sent. */
  frontends?: FrontendsWindow;
  /** Counts for the summary bar: each server once (sources reading one HAProxy process count once). */
  summary: OverviewSummary;
  /** Servers in the table, every source's rows: the toolbar's "of N". */
  tableServers: number;
  /** Servers passing the filters. */
  shownServers: number;
  /** Any server placed on a Kubernetes node or pool: their columns are offered. */
  kubernetes: boolean;
  /** The query the window's rows are for. */
  query: RowQuery;
  /** Null while no table asks for rows. */
  window: RowWindow<SentRow> | null;
}

/** What the page's banners read of GET /api/v1/health: all of it but the uptime, which changes every second. */
export type PageHealth = Omit<HealthDto, 'uptimeSec'>;

export function pageHealth({ ok, version, role, problems, kubernetes }: HealthDto): PageHealth {
  return { ok, version, role, problems, kubernetes };
}

/**
 * The worker to the page: a view after every poll applied and every command; health and the pool matrix, read at
 * their own pace, only when they changed.
 */
export type WorkerMessage =
  | { kind: 'view'; view: OverviewView }
  | { kind: 'health'; health: PageHealth }
  | { kind: 'pool-matrix'; matrix: PoolMatrix };
