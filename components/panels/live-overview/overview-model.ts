/**
 * The overview as the worker computes it: from the live snapshot and the table's query to what the page shows.
 * No worker or DOM API here: overview.worker.ts feeds it and posts its views; tests drive it directly.
 *
 * Each piece is rebuilt only when what it reads changed: the table's rows every poll when sorted by a figure,
 * with the snapshot's shape (states, addresses) when filtered or sorted by state or name, with its layout (rows
 * came, went, moved) otherwise; the summary's counts, the disagreements and the Kubernetes columns with the shape.
 * A view then reads the rows in the page's window at their places in the latest poll: its cost follows the
 * window, not the fleet.
 */
import { noRevisions, type SnapshotState } from '../../hooks/live-snapshot-source';
import type { Backend, Frontend, Server } from '@/lib/health/types';
import {
  frontendLines,
  sameFrontendLine,
  summarizeFrontends,
  type FrontendLine,
} from '../frontends/frontends-view';
import type { InstanceDto } from '@/lib/api/snapshot-dto';
import { backendKey as healthBackendKey, serverKey } from '@/lib/health/server-key';
import { DEFAULT_THRESHOLDS, type AbnormalThresholds } from '../server-table/abnormal';
import type { ColumnContext } from '../server-table/column-readings';
import { backendKey, toTableRows, type TableRow } from '../server-table/rows';
import { sortsByFigure } from '../server-table/sort';
import { disagreementLookup, type DisagreementOf } from '../server-table/view-disagreement';
import { countRows, countSources } from '../summary/summary';
import type {
  FrontendsWindow,
  LiveStatus,
  OverviewCommand,
  OverviewView,
  RowQuery,
  RowRange,
  RowWindow,
  SentRow,
} from './overview-view';

/** The versions of a row's backend and server as the page holds them. */
type HeldRow = [number, number | null];

const NO_BACKENDS: readonly Backend[] = [];
const NO_INSTANCES: readonly InstanceDto[] = [];
const NO_FRONTENDS: readonly Frontend[] = [];
const NO_SERVERS: Server[] = [];

/** A value computed again only when one of its inputs changed (by identity): useMemo outside React. */
class Memo<T> {
  private inputs: readonly unknown[] | null = null;
  private value: T | undefined;

  get(inputs: readonly unknown[], compute: () => T): T {
    const held = this.inputs;
    if (!held || held.length !== inputs.length || inputs.some((input, i) => !Object.is(input, held[i]))) {
      this.value = compute();
      this.inputs = inputs;
    }
    return this.value as T;
  }
}

/** `value` as it was when `key` last changed: what reads only part of a value new each poll keeps its object. */
class AsOf<T> {
  private key: unknown = {};
  private value: T | undefined;

  get(value: T, key: unknown): T {
    if (!Object.is(this.key, key)) {
      this.key = key;
      this.value = value;
    }
    return this.value as T;
  }
}

/**
 * A number per object and revision (an object the live snapshot changed in place has a new one), for the page to
 * tell a row it holds from a changed one after structured cloning.
 */
class Identities {
  private readonly ids = new WeakMap<object, [revision: number, id: number]>();
  private next = 1;

  of(object: object, revision: number): number {
    const held = this.ids.get(object);
    if (held?.[0] === revision) return held[1];
    const id = this.next++;
    this.ids.set(object, [revision, id]);
    return id;
  }
}

export class OverviewModel {
  private live: SnapshotState | null = null;
  private query: RowQuery = { q: '', problems: false, sort: null, dir: 'asc' };
  private collapsed: ReadonlySet<string> = new Set();
  private uptime: ReadonlyMap<string, number | null> | null = null;
  private thresholds: AbnormalThresholds = DEFAULT_THRESHOLDS;
  private range: RowRange | null = null;
  private frontendRange: RowRange | null = null;
  /** The frontends' window the page was last sent: it holds that until told otherwise. */
  private sentFrontends: FrontendsWindow | null = null;
  private readonly ids = new Identities();
  /** The rows of the last window sent, by key: what the page holds. */
  private held = new Map<string, HeldRow>();
  private readonly shapeBackends = new AsOf<readonly Backend[]>();
  private readonly layoutBackends = new AsOf<readonly Backend[]>();
  private readonly views = new AsOf<readonly InstanceDto[]>();
  private readonly ctxAsOfRows = new AsOf<ColumnContext>();
  private readonly rowCounts = new Memo<ReturnType<typeof countRows>>();
  private readonly tableServers = new Memo<number>();
  private readonly kubernetes = new Memo<boolean>();
  private readonly disagreement = new Memo<DisagreementOf>();
  private readonly uptimeOf = new Memo<ColumnContext['uptimeOf']>();
  private readonly ctx = new Memo<ColumnContext>();
  private readonly rows = new Memo<TableRow[]>();
  private readonly shownServers = new Memo<number>();
  private readonly frontendLines = new Memo<FrontendLine[]>();
  private readonly frontendsSummary = new Memo<FrontendsWindow['summary']>();

  /** The 24h uptime by server or backend key (uptime-feed.ts), for the column and sorting by it. */
  setUptime(uptime: ReadonlyMap<string, number | null>): void {
    this.uptime = uptime;
  }

  /** The live snapshot's latest state (LiveSnapshotSource). */
  setSnapshot(state: SnapshotState): void {
    this.live = state;
  }

  apply(command: OverviewCommand): void {
    switch (command.kind) {
      case 'query':
        this.query = command.query;
        return;
      case 'range':
        this.range = command.range;
        return;
      case 'frontend-range':
        this.frontendRange = command.range;
        return;
      case 'toggle': {
        const next = new Set(this.collapsed);
        if (!next.delete(command.key)) next.add(command.key);
        this.collapsed = next;
        return;
      }
      case 'collapse-all':
        this.collapsed = command.collapsed
          ? new Set((this.live?.snapshot?.backends ?? NO_BACKENDS).map(backendKey))
          : new Set();
        return;
      case 'thresholds':
        this.thresholds = command.thresholds;
        return;
      case 'follow':
      case 'pool-matrix':
        return; // the worker's: whether the snapshot, the pools are read at all
    }
  }

  view(): OverviewView {
    const live = this.live;
    const snapshot = live?.snapshot;
    const backends: readonly Backend[] = snapshot?.backends ?? NO_BACKENDS;
    const instances = snapshot?.instances ?? NO_INSTANCES;
    // States and counts change with the shape, where rows are with the layout; figures with every poll.
    const shape = this.shapeBackends.get(backends, live?.shape);
    const layout = this.layoutBackends.get(backends, live?.layout);
    // The summary counts each server once: of sources reading one HAProxy process, the counted one.
    const countedNames = instances
      .filter((i) => i.counted)
      .map((i) => i.name)
      .join('\n');
    const rowCounts = this.rowCounts.get([shape, countedNames], () =>
      countRows(shape, new Set(countedNames.split('\n'))),
    );
    // The sources' times change every poll; the views only when a source fails, recovers or is found the same.
    const views = this.views.get(instances, viewsKey(instances));
    const disagreementOf = this.disagreement.get([views, shape], () => disagreementLookup(views, shape));
    const frontends = this.frontends(snapshot?.frontends ?? NO_FRONTENDS);
    const { rows, window } = this.table(backends, shape, layout, disagreementOf);
    return {
      status: statusOf(live),
      loaded: snapshot !== undefined,
      instances: [...instances],
      ...(frontends ? { frontends } : {}),
      summary: { ...rowCounts, ...countSources(instances) },
      tableServers: this.tableServers.get([layout], () => layout.reduce((n, b) => n + b.servers.length, 0)),
      shownServers: this.shownServers.get([rows], () =>
        rows.reduce((n, r) => n + (r.kind === 'backend' ? r.matching : 0), 0),
      ),
      kubernetes: this.kubernetes.get([shape], () =>
        shape.some((b) => b.servers.some((s) => s.node || s.pool)),
      ),
      query: this.query,
      window,
    };
  }

  /**
   * The frontends section's counts and the lines of its window, when they changed since the last view sent
   * (undefined: the page holds them).
   */
  private frontends(frontends: readonly Frontend[]): FrontendsWindow | undefined {
    const thresholds = this.thresholds;
    const lines = this.frontendLines.get([frontends, thresholds], () => frontendLines(frontends, thresholds));
    const range = this.frontendRange ?? { start: 0, end: 0 };
    const start = Math.min(range.start, lines.length);
    const end = Math.max(start, Math.min(range.end, lines.length));
    const window: FrontendsWindow = {
      summary: this.frontendsSummary.get([frontends, thresholds], () =>
        summarizeFrontends(frontends, thresholds),
      ),
      count: lines.length,
      start,
      rows: lines.slice(start, end),
    };
    // Lines are built again with every poll's frontends; most show what they showed (idle frontends).
    if (this.sentFrontends && sameFrontendsWindow(this.sentFrontends, window)) return undefined;
    this.sentFrontends = window;
    return window;
  }

  /** The table's rows (none while no table asks), and the window of them the page asked for. */
  private table(
    now: readonly Backend[],
    shape: readonly Backend[],
    layout: readonly Backend[],
    disagreementOf: DisagreementOf,
  ): { rows: readonly TableRow[]; window: RowWindow<SentRow> | null } {
    if (!this.range) {
      this.held = new Map();
      return { rows: [], window: null };
    }
    const uptime = this.uptime;
    const uptimeOf = this.uptimeOf.get([uptime], () => (key: string) => uptime?.get(key));
    const ageOf = this.live?.ageOf;
    const ctx = this.ctx.get([this.thresholds, uptimeOf, disagreementOf, ageOf], () => ({
      thresholds: this.thresholds,
      uptimeOf,
      disagreementOf,
      ageOf,
    }));
    const query = this.query;
    const byFigure = sortsByFigure(query.sort);
    const readsStates = query.sort !== null || query.problems || query.q !== '';
    const rowsFrom = byFigure ? now : readsStates ? shape : layout;
    // Sorted by state or name, or not at all, the rows read nothing of the context: keep it as of their backends.
    const sortCtx = byFigure ? ctx : this.ctxAsOfRows.get(ctx, rowsFrom);
    const rows = this.rows.get([rowsFrom, query, sortCtx, this.collapsed], () =>
      toTableRows(rowsFrom, { ...query, cols: null }, sortCtx, this.collapsed),
    );
    return { rows, window: this.window(rows, now, ctx) };
  }

  /**
   * The rows of the page's range. A backend or server the page holds at the same version (it holds the last
   * window sent) is left out: what crosses to the page each poll is what changed on screen.
   */
  private window(
    rows: readonly TableRow[],
    backends: readonly Backend[],
    ctx: ColumnContext,
  ): RowWindow<SentRow> {
    const range = this.range!;
    const start = Math.max(0, Math.min(range.start, rows.length));
    const end = Math.max(start, Math.min(range.end, rows.length));
    const held = this.held;
    const revisionOf = this.live?.revisionOf ?? noRevisions;
    const sent = new Map<string, HeldRow>();
    const stripped = new Map<Backend, Backend>();
    const out: SentRow[] = [];
    for (let i = start; i < end; i++) {
      const row = rows[i]!;
      const own = backends[row.place];
      const server = row.kind === 'server' ? own?.servers[row.serverPlace] : null;
      if (!own || server === undefined) continue; // cannot be while rows are built from the same layout
      const versions: HeldRow = [
        this.ids.of(own, revisionOf(own)),
        server ? this.ids.of(server, revisionOf(server)) : null,
      ];
      const before = held.get(row.key);
      sent.set(row.key, versions);
      const proxy = server ?? own;
      const age = (field: 'lastChangeSec' | 'lastSessionSec') =>
        ctx.ageOf ? ctx.ageOf(proxy, own.instance, field) : proxy[field];
      const sentRow: SentRow = {
        row,
        backendVersion: versions[0],
        serverVersion: versions[1],
        ages: [age('lastChangeSec'), age('lastSessionSec')],
        disagreement: server ? (ctx.disagreementOf?.(own.instance, own.name, server.name) ?? null) : null,
        uptimePct: ctx.uptimeOf(
          server
            ? serverKey({ instance: own.instance, backend: own.name, server: server.name })
            : healthBackendKey(own.instance, own.name),
        ),
      };
      if (before?.[0] !== versions[0]) {
        let backend = stripped.get(own);
        if (!backend) {
          backend = { ...own, servers: NO_SERVERS };
          stripped.set(own, backend);
        }
        sentRow.backend = backend;
      }
      if (before?.[1] !== versions[1]) sentRow.server = server;
      out.push(sentRow);
    }
    this.held = sent;
    return { count: rows.length, start, rows: out };
  }
}

function statusOf(live: SnapshotState | null): LiveStatus {
  if (!live)
    return { receivedAt: null, clockOffsetMs: 0, pollIntervalMs: 2000, error: null, isLoading: true };
  const { error } = live;
  return {
    receivedAt: live.receivedAt,
    clockOffsetMs: live.clockOffsetMs,
    pollIntervalMs: live.pollIntervalMs,
    error: error ? { message: error.message, status: statusCodeOf(error) } : null,
    isLoading: live.isLoading,
  };
}

const statusCodeOf = (error: Error): number | null =>
  'status' in error && typeof error.status === 'number' ? error.status : null;

/** What of the sources the disagreement between load balancers depends on: which answered, are counted, are one. */
const viewsKey = (instances: readonly InstanceDto[]) =>
  instances.map((i) => [i.name, i.ok, i.counted, i.sameProcessAs.join(',')].join('|')).join('\n');

/** Whether the page, holding window `a`, would show the same with `b`. */
function sameFrontendsWindow(a: FrontendsWindow, b: FrontendsWindow): boolean {
  const { summary: x } = a;
  const { summary: y } = b;
  return (
    a.count === b.count &&
    a.start === b.start &&
    a.rows.length === b.rows.length &&
    a.rows.every((line, i) => sameFrontendLine(line, b.rows[i]!)) &&
    x.total === y.total &&
    x.full === y.full &&
    x.stopped === y.stopped &&
    x.abnormal5xx === y.abnormal5xx
  );
}
