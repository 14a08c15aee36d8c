'use client';

import { viewArrives } from '../../hooks/draw-with-view';
import { toSignIn } from '../../hooks/fetch-json';
import { restartClock } from '../../ui/use-now';
import type { PoolMatrix } from '../pools/pool-matrix-model';
import { sameSummary } from '../summary/summary';
import type {
  FrontendsWindow,
  OverviewCommand,
  OverviewView,
  PageHealth,
  RowQuery,
  RowRange,
  RowWindow,
  SentRow,
  WindowRow,
  WorkerMessage,
} from './overview-view';

type WindowName = 'rows' | 'frontends';

/** The pace of the ages the page shows (useNow's default). */
const AGE_TICK_MS = 1000;

/** The worker's view as the page holds it: the window's rows whole. */
export type PageView = Omit<OverviewView, 'window' | 'frontends'> & { window: RowWindow | null };

/**
 * What the page holds of the live overview: the worker's latest view, the frontends as last sent, and health and
 * the pool matrix as last read (null until the first answer).
 */
export interface LiveOverview {
  view: PageView | null;
  frontends: FrontendsWindow | null;
  health: PageHealth | null;
  poolMatrix: PoolMatrix | null;
  /** The worker could not be started or failed: the page shows it as an error. */
  failure: string | null;
}

export const NO_LIVE_OVERVIEW: LiveOverview = {
  view: null,
  frontends: null,
  health: null,
  poolMatrix: null,
  failure: null,
};

/**
 * The rows to ask the worker for so that `visible` is covered: none while what was asked covers it; otherwise the
 * visible rows and half as many again on either side. Each poll's view carries the rows asked (those that changed),
 * so the margin is paid every poll; it lets a short scroll find its rows at hand, without a round trip.
 */
export function rangeToAsk(visible: RowRange, asked: RowRange | null): RowRange | null {
  if (asked && visible.start >= asked.start && visible.end <= asked.end) return null;
  const margin = Math.ceil(Math.max(visible.end - visible.start, 1) / 2);
  return { start: Math.max(0, visible.start - margin), end: visible.end + margin };
}

/**
 * The rows of the latest window, whole: a backend or server left out of a row (the page holds it at that version)
 * is the one held, the very object, so memoized rows are not rendered again for it. A row that says it is held but
 * is not (cannot be while views arrive in order) is left out: its place stays empty until the next view.
 */
export function heldRows(sent: readonly SentRow[], held: readonly WindowRow[]): WindowRow[] {
  const byKey = new Map(held.map((r) => [r.row.key, r]));
  const rows: WindowRow[] = [];
  for (const r of sent) {
    const before = byKey.get(r.row.key);
    const backend = r.backend ?? (before?.backendVersion === r.backendVersion ? before.backend : undefined);
    const server =
      r.server !== undefined
        ? r.server
        : before?.serverVersion === r.serverVersion
          ? before.server
          : undefined;
    if (backend && server !== undefined) rows.push({ ...r, backend, server });
  }
  return rows;
}

/**
 * The page's end of the overview worker (overview.worker.ts): starts it on first use, follows the live snapshot
 * while any component subscribes, forwards the table's query, window and toggles, and hands each view to React
 * (useSyncExternalStore). One per tab.
 */
export class OverviewClient {
  private worker: Worker | null = null;
  private state: LiveOverview = NO_LIVE_OVERVIEW;
  private readonly listeners = new Set<() => void>();
  /** What was asked of each window: the table's rows, the frontends' lines. */
  private readonly asked: Record<WindowName, RowRange | null> = { rows: null, frontends: null };
  private lastQuery: RowQuery | null = null;
  private receivedAt: number | null = null;
  private following = false;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) {
      document.addEventListener('visibilitychange', this.onVisibility);
      this.follow();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      document.removeEventListener('visibilitychange', this.onVisibility);
      this.follow();
    };
  };

  /**
   * Follows the snapshot while a component reads it and the tab is visible. A hidden tab stops (the worker's
   * source lets go of the stream after a while: a quick switch of tabs keeps it) and loads afresh when shown: many
   * dashboards left open in background tabs cost neither the server nor their machine anything per poll.
   */
  private follow(): void {
    const on = this.listeners.size > 0 && document.visibilityState !== 'hidden';
    if (on === this.following) return;
    this.following = on;
    this.send({ kind: 'follow', on });
  }

  private readonly onVisibility = () => this.follow();

  getState = (): LiveOverview => this.state;

  send(command: OverviewCommand): void {
    this.start()?.postMessage(command);
  }

  setQuery(query: RowQuery): void {
    const last = this.lastQuery;
    if (
      last &&
      last.q === query.q &&
      last.problems === query.problems &&
      last.sort === query.sort &&
      last.dir === query.dir
    )
      return;
    this.lastQuery = query;
    this.send({ kind: 'query', query });
  }

  /** The table shows `visible` (null: no table): asks for more rows only when what it asked does not cover them. */
  showRows(visible: RowRange | null): void {
    this.show('rows', visible);
  }

  /** The overview shows its pool matrix (or no longer does): the worker reads the pools meanwhile. */
  showPoolMatrix(on: boolean): void {
    this.send({ kind: 'pool-matrix', on });
  }

  /** The frontends table shows `visible` lines (null: folded or gone). */
  showFrontends(visible: RowRange | null): void {
    this.show('frontends', visible);
  }

  private show(name: WindowName, visible: RowRange | null): void {
    const kind = name === 'rows' ? 'range' : 'frontend-range';
    if (!visible) {
      if (this.asked[name] === null) return;
      this.asked[name] = null;
      this.send({ kind, range: null });
      return;
    }
    const range = rangeToAsk(visible, this.asked[name]);
    if (!range) return;
    this.asked[name] = range;
    this.send({ kind, range });
  }

  private start(): Worker | null {
    if (this.worker || typeof Worker === 'undefined') return this.worker;
    const worker = new Worker(new URL('./overview.worker.ts', import.meta.url), {
      type: 'module',
      name: 'hapscope overview',
    });
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => this.receive(event.data);
    worker.onerror = (event) => {
      this.state = { ...this.state, failure: event.message || 'the overview worker failed' };
      this.notify();
    };
    this.worker = worker;
    return worker;
  }

  private receive(message: WorkerMessage): void {
    if (message.kind === 'view') {
      viewArrives(); // what waits to be drawn with it (a poll's alerts) first, in the same frame
      this.receiveView(message.view);
    } else if (message.kind === 'health') this.state = { ...this.state, health: message.health };
    else this.state = { ...this.state, poolMatrix: message.matrix };
    this.notify();
  }

  private receiveView(view: OverviewView): void {
    if (view.status.error?.status === 401) toSignIn();
    const held = this.state.view?.window?.rows ?? [];
    const { frontends, window: sent, ...rest } = view;
    const rows = sent && { ...sent, rows: heldRows(sent.rows, held) };
    // Counts change with states, rarely: the same counts keep their object, and the summary is not drawn again.
    const summary = this.state.view?.summary;
    if (summary && sameSummary(summary, rest.summary)) rest.summary = summary;
    this.state = {
      ...this.state,
      view: { ...rest, window: rows },
      frontends: frontends ?? this.state.frontends,
      failure: null,
    };
    // The ages on the page (the top bar's "updated", the sources') tick with the data: one render, one frame. They
    // tick on their own only once the next poll is a tick late.
    if (rest.status.receivedAt !== this.receivedAt)
      restartClock(AGE_TICK_MS, rest.status.pollIntervalMs + AGE_TICK_MS);
    this.receivedAt = rest.status.receivedAt;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

let client: OverviewClient | null = null;

/** The tab's one overview worker. */
export function overviewClient(): OverviewClient {
  return (client ??= new OverviewClient());
}
