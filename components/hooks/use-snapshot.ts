'use client';

import { useSyncExternalStore } from 'react';
import useSWR from 'swr';
import { SERVER_NOW_HEADER, type SnapshotDto } from '@/lib/api/snapshot-dto';
import { snapshotUrl } from '@/lib/api/urls';
import { fetchJsonIfChanged, hasShareToken } from './fetch-json';
import { asSent, DEFAULT_POLL_MS, liveSnapshotSource, type SnapshotState } from './live-snapshot-source';
import { clockOffsetMs } from './snapshot-clock';

export type { SnapshotState } from './live-snapshot-source';

interface ReceivedSnapshot {
  snapshot: SnapshotDto;
  /** Browser time the snapshot arrived: ages are measured from it, not from the server's clock. */
  receivedAt: number;
  /** The server's clock when it answered (the body may have been built up to a poll earlier). */
  serverNow: string;
}

/** A snapshot the tab holds already is answered 304 and kept as the same object: nothing re-renders for it. */
async function fetchSnapshot(url: string): Promise<ReceivedSnapshot> {
  const { data: snapshot, headers } = await fetchJsonIfChanged<SnapshotDto>(url);
  return {
    snapshot,
    receivedAt: Date.now(),
    serverNow: headers.get(SERVER_NOW_HEADER) ?? snapshot.generatedAt,
  };
}

const noSubscription = () => () => {};
const nothing = (): SnapshotState | null => null;

/**
 * The latest snapshot. A page of a signed-in viewer follows it live (the change stream: what changed, each poll);
 * an embed at its own pace (`refreshMs`) or through a share link, which has no stream, asks for it every interval.
 * Every caller shares one stream, or one request.
 */
export function useSnapshot({ refreshMs }: { refreshMs?: number } = {}): SnapshotState {
  const followLive = refreshMs === undefined && !hasShareToken();
  const source = followLive ? liveSnapshotSource() : null;
  const live = useSyncExternalStore(
    source?.subscribe ?? noSubscription,
    source?.getState ?? nothing,
    nothing,
  );
  const { data, error, isLoading } = useSWR<ReceivedSnapshot, Error>(
    followLive ? null : snapshotUrl(),
    fetchSnapshot,
    {
      refreshInterval: (latest) => refreshMs ?? latest?.snapshot.pollIntervalMs ?? DEFAULT_POLL_MS,
      keepPreviousData: true,
      dedupingInterval: 200,
    },
  );
  if (live) return live;
  return {
    snapshot: data?.snapshot,
    receivedAt: data?.receivedAt ?? null,
    clockOffsetMs: data ? clockOffsetMs(data.serverNow, data.receivedAt) : 0,
    pollIntervalMs: data?.snapshot.pollIntervalMs ?? DEFAULT_POLL_MS,
    error,
    isLoading: followLive || isLoading,
    ageOf: asSent,
    layout: data?.snapshot,
    shape: data?.snapshot,
  };
}
