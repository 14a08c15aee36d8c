/**
 * Wire shapes of GET /api/v1/snapshot (shared/reference/api-v1.md). Shared by the route handler and the
 * browser hooks; fields beyond the contract are additive.
 */
import type { Backend, Server } from '@/lib/health/types';

export type ServerDto = Server;
export type BackendDto = Backend;

export interface InstanceDto {
  name: string;
  /** http or socket; the URL itself is never sent (it may hold credentials). */
  kind: 'http' | 'socket';
  ok: boolean;
  /** Human-readable reason of the last failure, credentials redacted. */
  error: string | null;
  /** unreachable | timeout | auth | http | not-csv | truncated | garbled | socket */
  errorKind: string | null;
  lastPollAt: string | null;
  lastSuccessAt: string | null;
  /** Next attempt; later than one interval when backing off after errors. */
  nextPollAt: string | null;
  consecutiveFailures: number;
  pollDurationMs: number | null;
  version: string | null;
  pid: number | null;
  uptimeSec: number | null;
}

export interface SnapshotDto {
  generatedAt: string;
  pollIntervalMs: number;
  instances: InstanceDto[];
  backends: BackendDto[];
}

export const SNAPSHOT_URL = '/api/v1/snapshot';
