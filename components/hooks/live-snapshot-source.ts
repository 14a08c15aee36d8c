'use client';

import { SERVER_NOW_HEADER, STREAM_ID_HEADER, type SnapshotDto } from '@/lib/api/snapshot-dto';
import { snapshotStreamUrl, snapshotUrl } from '@/lib/api/urls';
import {
  ageSec,
  applyDelta,
  liveSnapshot,
  revisionOf,
  type AgeField,
  type LiveSnapshot,
  type SnapshotDelta,
} from '@/lib/snapshot/snapshot-delta';
import { fetchJsonIfChanged } from './fetch-json';
import { clockOffsetMs } from './snapshot-clock';

/** Until the first snapshot says otherwise (the server default). */
export const DEFAULT_POLL_MS = 2000;
/** A page that stops following (navigated away) keeps its stream this long, for the next page that follows. */
const LINGER_MS = 10_000;

/** A row's age now (`lastChangeSec`, `lastSessionSec`), as the tab predicts it between the polls that sent it. */
export type AgeOf = (
  row: { lastChangeSec: number | null; lastSessionSec: number | null },
  instance: string,
  field: AgeField,
) => number | null;

/** The latest snapshot as a component reads it (useSnapshot), followed live or asked for every interval. */
export interface SnapshotState {
  snapshot: SnapshotDto | undefined;
  /** Browser time the latest data arrived. */
  receivedAt: number | null;
  /** Browser clock minus server clock; add it to a server time to compare it with Date.now(). */
  clockOffsetMs: number;
  pollIntervalMs: number;
  error: Error | undefined;
  isLoading: boolean;
  /** A row's age now (lastChangeSec, lastSessionSec): the live stream sends a row again only when it changed. */
  ageOf: AgeOf;
  /**
   * How many times a backend or server object was changed in place (lib/snapshot/snapshot-delta.ts): with its
   * identity, what tells a changed row from the one read before.
   */
  revisionOf: (row: object) => number;
  /**
   * Another value (by identity) whenever a backend or server may have come, gone or moved: while it stays, every row
   * is where it was. The table's rows depend on this (unless filtered or sorted by what changes), not on every poll.
   */
  layout: unknown;
  /**
   * Another value whenever the layout or a row in anything but its figures (NUMERIC_PATHS: counters, rates, times,
   * ages) may have changed: a state, an address. Filters and the summary's counts depend on this.
   */
  shape: unknown;
}

/** Ages as the row says them: for a snapshot asked for whole. */
export const asSent: AgeOf = (row, _instance, field) => row[field];

/** A snapshot asked for whole is new objects each time, never changed in place. */
export const noRevisions = (): number => 0;

const INITIAL: SnapshotState = {
  snapshot: undefined,
  receivedAt: null,
  clockOffsetMs: 0,
  pollIntervalMs: DEFAULT_POLL_MS,
  error: undefined,
  isLoading: true,
  ageOf: asSent,
  revisionOf: noRevisions,
  layout: null,
  shape: null,
};

/**
 * The snapshot a tab follows live: loaded once (GET /api/v1/snapshot, shared and gzipped), then kept current by the
 * change stream (GET /api/v1/snapshot/stream): each poll's changes applied to what the tab holds, unchanged rows
 * kept as the same objects. A tab that misses a change, is told to reset (too far behind, the server restarted)
 * or whose stream is refused loads the snapshot afresh; while the stream cannot be had, it does so every poll
 * interval. One per tab, in the overview's worker (components/panels/live-overview/overview.worker.ts): it is
 * only fetch, EventSource and timers, and keeps the parsing and applying of each change off the page's thread.
 */
export class LiveSnapshotSource {
  private state: SnapshotState = INITIAL;
  private live: LiveSnapshot | null = null;
  private readonly listeners = new Set<() => void>();
  private events: EventSource | null = null;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private linger: ReturnType<typeof setTimeout> | undefined;
  private loading = false;
  private running = false;
  /** Whole snapshots loaded: a layout or shape is told apart from those of earlier loads. */
  private loads = 0;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    clearTimeout(this.linger);
    if (!this.running) this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.linger = setTimeout(() => this.stop(), LINGER_MS);
    };
  };

  getState = (): SnapshotState => this.state;

  private start(): void {
    this.running = true;
    void this.load();
  }

  private stop(): void {
    this.running = false;
    this.closeStream();
    clearTimeout(this.retry);
  }

  /** The whole snapshot afresh, then the stream from its id. */
  private async load(): Promise<void> {
    if (this.loading || !this.running) return;
    this.loading = true;
    this.closeStream();
    clearTimeout(this.retry);
    try {
      const { data, headers } = await fetchJsonIfChanged<SnapshotDto>(snapshotUrl());
      const id = headers.get(STREAM_ID_HEADER);
      this.live = liveSnapshot(data, id ?? '');
      this.loads += 1;
      this.publish(data.generatedAt, headers.get(SERVER_NOW_HEADER), undefined);
      if (id && this.running) this.openStream(id);
      else this.retryLater();
    } catch (error) {
      this.state = { ...this.state, error: error as Error, isLoading: false };
      this.notify();
      this.retryLater();
    } finally {
      this.loading = false;
    }
  }

  private openStream(id: string): void {
    const events = new EventSource(snapshotStreamUrl(id));
    this.events = events;
    events.addEventListener('delta', (event) =>
      this.onDelta(JSON.parse((event as MessageEvent<string>).data)),
    );
    events.addEventListener('reset', () => void this.load());
    events.onerror = () => {
      // CONNECTING: the browser reconnects by itself, with the last id (the server may be restarting). CLOSED:
      // refused (429, signed out…): load afresh each poll interval meanwhile.
      if (events.readyState === EventSource.CLOSED) this.retryLater();
    };
  }

  private onDelta(delta: SnapshotDelta): void {
    if (!this.live) return;
    const next = applyDelta(this.live, delta);
    if (!next) return void this.load(); // a change missed: start again from the whole
    this.live = next;
    this.publish(delta.generatedAt, delta.generatedAt, undefined);
  }

  private publish(generatedAt: string, serverNow: string | null, error: Error | undefined): void {
    const live = this.live!;
    const receivedAt = Date.now();
    this.state = {
      snapshot: live.snapshot,
      receivedAt,
      clockOffsetMs: clockOffsetMs(serverNow ?? generatedAt, receivedAt),
      pollIntervalMs: live.snapshot.pollIntervalMs,
      error,
      isLoading: false,
      ageOf: (row, instance, field) => ageSec(live, row, instance, field),
      revisionOf: (row) => revisionOf(live, row),
      layout: `${this.loads}.${live.layout}`,
      shape: `${this.loads}.${live.shape}`,
    };
    this.notify();
  }

  private retryLater(): void {
    this.closeStream();
    clearTimeout(this.retry);
    if (this.running) this.retry = setTimeout(() => void this.load(), this.state.pollIntervalMs);
  }

  private closeStream(): void {
    this.events?.close();
    this.events = null;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
