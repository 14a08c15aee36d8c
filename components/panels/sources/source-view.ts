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

export function sourceView(instance: InstanceDto): SourceView {
  const base = { backingOff: !instance.ok && instance.consecutiveFailures > 1 };
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
