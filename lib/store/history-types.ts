/**
 * What the store's history reads take and give (store.ts, `history`): plain data, the same whichever database
 * holds it.
 */
import type { Interval, StatusChange, StatusPoint } from '@/lib/health/history-types';
import type { LatencyReading } from '@/lib/history/pool-latency-buckets';
import type { TrafficRollup, TrafficSample } from '@/lib/health/rollup-samples';
import type { Resolution } from '@/lib/health/time-range';
import type { UptimeBucket } from '@/lib/health/uptime-buckets';
import type { UptimeFigures } from '@/lib/health/uptime';

/** A recorded server: its stored id, names, and where it was last placed. */
export interface ServerDimension {
  id: number;
  instance: string;
  backend: string;
  server: string;
  backup: boolean;
  pool: string | null;
}

/** Which servers a query reads; every field given must match (none: every server). */
export interface ServerFilter {
  id?: number;
  instance?: string;
  backend?: string;
  server?: string;
  pool?: string;
}

/** The maxima rollups keep of the traffic figures whose peaks matter. */
export type TrafficMaxima = Pick<TrafficRollup, 'http5xxRateMax' | 'responseMaxMs' | 'totalMaxMs'>;

export interface HistorySample extends StatusPoint, TrafficSample {
  at: number;
  checkDurationMs: number | null;
  sessions: number;
  queue: number;
  sessionRate: number;
  /** Rollups only: maxima and time split of the bucket. */
  rollup?: TrafficMaxima & {
    bucketMs: number;
    checkDurationMaxMs: number | null;
    sessionsMax: number;
    sessionRateMax: number;
    upSec: number;
    downSec: number;
    plannedSec: number;
    noDataSec: number;
  };
}

export interface ServerHistory {
  server: ServerDimension;
  range: Interval;
  resolution: Resolution;
  samples: HistorySample[];
  transitions: StatusChange[];
  noData: Interval[];
  uptime: UptimeFigures;
  buckets: UptimeBucket[] | null;
}

export interface BackendDimension {
  id: number;
  instance: string;
  backend: string;
}

export interface BackendHistorySample extends TrafficSample {
  at: number;
  sessions: number;
  sessionRate: number;
  /** Rollups only: maxima of the bucket and how much of it had no data. */
  rollup?: TrafficMaxima & {
    bucketMs: number;
    sessionsMax: number;
    sessionRateMax: number;
    noDataSec: number;
  };
}

export interface BackendHistory {
  backend: BackendDimension;
  range: Interval;
  resolution: Resolution;
  samples: BackendHistorySample[];
  noData: Interval[];
}

export type EventFilter = Pick<ServerFilter, 'instance' | 'backend' | 'server' | 'pool'>;

export interface HistoryEvent extends StatusChange {
  instance: string;
  backend: string;
  server: string;
  /** Until the next status change of that server; null when ongoing. */
  durationMs: number | null;
}

export interface PoolCheckDurations {
  resolution: Resolution;
  /** Raw samples, or rollup buckets' means with their maxima. */
  readings: LatencyReading[];
}

export interface ServerUptime extends UptimeFigures {
  server: ServerDimension;
  buckets: UptimeBucket[] | null;
}

export interface BackendUptime extends UptimeFigures {
  instance: string;
  backend: string;
  buckets: UptimeBucket[] | null;
}

export interface PoolUptime extends UptimeFigures {
  pool: string;
}

export interface UptimeReport {
  range: Interval;
  servers: ServerUptime[];
  backends: BackendUptime[];
  pools: PoolUptime[];
}

export type UptimeFilter = Pick<ServerFilter, 'instance' | 'backend' | 'pool'>;
