'use client';

import { useEffect, useSyncExternalStore } from 'react';
import { DEFAULT_POLL_MS } from '../../hooks/live-snapshot-source';
import type { PoolMatrix } from '../pools/pool-matrix-model';
import { NO_LIVE_OVERVIEW, overviewClient, type LiveOverview } from './overview-client';
import type { LiveStatus, PageHealth } from './overview-view';

const getServerState = () => NO_LIVE_OVERVIEW;
const noServerValue = () => null;

/** The live overview the tab's worker keeps (overview-client.ts): followed while a component reads it. */
export function useLiveOverview(): LiveOverview {
  const client = overviewClient();
  return useSyncExternalStore(client.subscribe, client.getState, getServerState);
}

/**
 * GET /api/v1/health as the worker last read it (every page's banners; null until the first answer). A reader is
 * drawn again only when health changed, not with every view.
 */
export function useHealth(): PageHealth | null {
  const client = overviewClient();
  return useSyncExternalStore(client.subscribe, () => client.getState().health, noServerValue);
}

/** The overview's pools × backends matrix, read by the worker while a component shows it (null until then). */
export function usePoolMatrix(): PoolMatrix | null {
  const client = overviewClient();
  useEffect(() => {
    client.showPoolMatrix(true);
    return () => client.showPoolMatrix(false);
  }, [client]);
  return useSyncExternalStore(client.subscribe, () => client.getState().poolMatrix, noServerValue);
}

const CONNECTING: LiveStatus = {
  receivedAt: null,
  clockOffsetMs: 0,
  pollIntervalMs: DEFAULT_POLL_MS,
  error: null,
  isLoading: true,
};

/** How the live snapshot is doing (the top bar's freshness): the worker's failure to start is an error too. */
export function useLiveStatus(): LiveStatus {
  const { view, failure } = useLiveOverview();
  const status = view?.status ?? CONNECTING;
  return failure ? { ...status, error: { message: failure, status: null }, isLoading: false } : status;
}
