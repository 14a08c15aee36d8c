'use client';

import useSWR from 'swr';
import { SERVER_NOW_HEADER, type SnapshotDto } from '@/lib/api/snapshot-dto';
import { snapshotUrl } from '@/lib/api/urls';
import { fetchJsonIfChanged } from './fetch-json';
import { asSent, DEFAULT_POLL_MS, noRevisions, type SnapshotState } from './live-snapshot-source';
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

/**
 * The latest snapshot, asked for at the embed's pace (`refreshMs`, the poll interval by default) and shared by
 * every caller. Pages follow it live instead, in the overview's worker (components/panels/live-overview).
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
    ageOf: asSent,
    revisionOf: noRevisions,
    layout: data?.snapshot,
    shape: data?.snapshot,
  };
}
