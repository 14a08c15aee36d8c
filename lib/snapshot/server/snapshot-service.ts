import 'server-only';
import type { Collector } from '@/lib/collector/collector';
import { snapshotJson } from './snapshot-json';

/** GET /api/v1/snapshot: every source's latest poll, as JSON text (the bulk is serialized once per poll). */
export function getSnapshotJson({ collector }: { collector: Collector }, now: number): string {
  return snapshotJson(collector, now);
}
