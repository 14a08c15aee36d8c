'use client';

import { useSyncExternalStore } from 'react';
import { DEFAULT_POLL_MS } from '../../hooks/live-snapshot-source';
import { overviewClient, type LiveOverview } from './overview-client';
import type { LiveStatus } from './overview-view';

const SERVER: LiveOverview = { view: null, frontends: null, failure: null };
const getServerState = () => SERVER;

/** The live overview the tab's worker keeps (overview-client.ts): followed while a component reads it. */
export function useLiveOverview(): LiveOverview {
  const client = overviewClient();
  return useSyncExternalStore(client.subscribe, client.getState, getServerState);
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
