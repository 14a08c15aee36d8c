'use client';

import useSWR from 'swr';
import { SERVER_NOW_HEADER, type SnapshotDto } from '@/lib/api/snapshot-dto';
import { snapshotUrl } from '@/lib/api/urls';
import { fetchJsonIfChanged } from './fetch-json';
import { clockOffsetMs } from './snapshot-clock';

/** Until the first snapshot says otherwise (the server default). */
const DEFAULT_POLL_MS = 2000;

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

export interface SnapshotState {
  snapshot: SnapshotDto | undefined;
  receivedAt: number | null;
  /** Browser clock minus server clock; add it to a server time to compare it with Date.now(). */
  clockOffsetMs: number;
  pollIntervalMs: number;
  error: Error | undefined;
  isLoading: boolean;
}

/**
 * The latest snapshot, refreshed at the collector's own poll interval (or `refreshMs`, an embed's own pace);
 * every caller shares one request.
 */
export function useSnapshot({ refreshMs }: { refreshMs?: number } = {}): SnapshotState {
  const { data, error, isLoading } = useSWR<ReceivedSnapshot, Error>(snapshotUrl(), fetchSnapshot, {
    refreshInterval: (latest) => refreshMs ?? latest?.snapshot.pollIntervalMs ?? DEFAULT_POLL_MS,
    keepPreviousData: true,
    dedupingInterval: 200,
  });
  return {
    snapshot: data?.snapshot,
    receivedAt: data?.receivedAt ?? null,
    clockOffsetMs: data ? clockOffsetMs(data.serverNow, data.receivedAt) : 0,
    pollIntervalMs: data?.snapshot.pollIntervalMs ?? DEFAULT_POLL_MS,
    error,
    isLoading,
  };
}
