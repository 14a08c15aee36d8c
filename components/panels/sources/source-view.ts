/** What a source card says about one HAProxy instance: its state, the error with a hint, and what is shown. */
import type { InstanceDto } from '@/lib/api/snapshot-dto';

export type SourceTone = 'ok' | 'error' | 'pending';

export interface SourceView {
  tone: SourceTone;
  label: string;
  /** The error with a hint at the usual cause, or null when the source is fine. */
  message: string | null;
  /** The source failed before ever answering: none of its backends are in the snapshot. */
  neverSucceeded: boolean;
  /** Failing after earlier successes: the table still shows its last good data. */
  stale: boolean;
  backingOff: boolean;
  /** "same process as demo-sock": the other sources that read this HAProxy process; null when none does. */
  sameProcess: string | null;
  /** Why this source's servers are not counted (another source of the process counts them); null when they are. */
  countedElsewhere: string | null;
}

const HINTS: Record<string, string> = {
  unreachable: 'is HAProxy running and its stats port reachable from hapscope?',
  timeout: 'HAProxy or the network is slow; POLL_TIMEOUT_MS sets the limit',
  auth: 'check the credentials in the source URL',
  http: 'check the stats URI in HAPROXY_STATS_URL',
  'not-csv': 'the URL answers, but not with stats CSV: check the stats URI',
  socket: 'check the socket path and that hapscope may open it',
};

export function errorMessage(error: string | null, errorKind: string | null): string | null {
  if (!error) return null;
  const hint = errorKind ? HINTS[errorKind] : undefined;
  if (!hint || error.toLowerCase().includes(hint.toLowerCase())) return error;
  return `${error} — ${hint}`;
}

/** What a card says about other sources of the same HAProxy process. */
export function sameProcessView(
  instance: Pick<InstanceDto, 'sameProcessAs' | 'counted'>,
): Pick<SourceView, 'sameProcess' | 'countedElsewhere'> {
  if (instance.sameProcessAs.length === 0) return { sameProcess: null, countedElsewhere: null };
  return {
    sameProcess: `same process as ${instance.sameProcessAs.join(', ')}`,
    countedElsewhere: instance.counted
      ? null
      : `servers counted under ${instance.sameProcessAs.length === 1 ? instance.sameProcessAs[0] : 'one of them'}`,
  };
}

export function sourceView(instance: InstanceDto): SourceView {
  const base = {
    backingOff: !instance.ok && instance.consecutiveFailures > 1,
    ...sameProcessView(instance),
  };
  if (instance.ok) {
    return { ...base, tone: 'ok', label: 'OK', message: null, neverSucceeded: false, stale: false };
  }
  if (!instance.error && instance.lastPollAt === null) {
    return { ...base, tone: 'pending', label: 'WAITING', message: null, neverSucceeded: false, stale: false };
  }
  return {
    ...base,
    tone: 'error',
    label: 'ERROR',
    message: errorMessage(instance.error ?? 'failed', instance.errorKind),
    neverSucceeded: instance.lastSuccessAt === null,
    stale: instance.lastSuccessAt !== null,
  };
}
