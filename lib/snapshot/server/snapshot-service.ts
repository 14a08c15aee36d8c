import 'server-only';
import { getRuntime } from '@/lib/server/runtime';
import { snapshotJson } from './snapshot-json';

/** GET /api/v1/snapshot: every source's latest poll, as JSON text (the bulk is serialized once per poll). */
export function getSnapshotJson(now: number): string {
  return snapshotJson(getRuntime().collector, now);
}
