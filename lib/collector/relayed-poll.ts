import type { PollResult } from '@/lib/haproxy';
import type { SourceState } from './source-state';

/**
 * One poll of one source as the leading replica tells the others (lib/server/leadership.ts): the source's state
 * after it, under the leader's generation, so each replica's snapshot, change log, pools and badges are the
 * leader's. A poll that read the stats sends the CSV as read, which each replica parses as the leader did
 * (Collector.followPoll): at 20,000 servers 6 MB of CSV (0.8 MB gzipped) against 28 MB of parsed backends as JSON.
 * A failed poll sends none: the last good backends stay. Plain JSON: times are epoch milliseconds.
 */
export interface RelayedPoll {
  /** The leader's term (its stream ids' prefix, lib/snapshot/server/snapshot-log.ts). */
  term: string;
  generation: number;
  source: string;
  at: number;
  state: RelayedState;
}

type RelayedState = Pick<
  SourceState,
  | 'ok'
  | 'error'
  | 'lastPollAt'
  | 'lastSuccessAt'
  | 'nextPollAt'
  | 'consecutiveFailures'
  | 'pollsTotal'
  | 'failuresTotal'
  | 'pollDurationMs'
  | 'info'
  | 'infoReadAt'
> & { polled: { csv: string } | null };

/** The poll just made, as the other replicas take it. */
export function relayedPoll(
  state: SourceState,
  result: PollResult | null,
  at: number,
  term: string,
  generation: number,
): RelayedPoll {
  return {
    term,
    generation,
    source: state.source.name,
    at,
    state: {
      ok: state.ok,
      error: state.error,
      lastPollAt: state.lastPollAt,
      lastSuccessAt: state.lastSuccessAt,
      nextPollAt: state.nextPollAt,
      consecutiveFailures: state.consecutiveFailures,
      pollsTotal: state.pollsTotal,
      failuresTotal: state.failuresTotal,
      pollDurationMs: state.pollDurationMs,
      info: state.info,
      infoReadAt: state.infoReadAt,
      polled: result?.csv === undefined ? null : { csv: result.csv },
    },
  };
}

/**
 * Reads a published poll; null for one this process cannot take (another version's, or damaged), which it skips
 * and waits for the next.
 */
export function parseRelayedPoll(body: string): RelayedPoll | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const poll = value as Partial<RelayedPoll>;
  const fine =
    typeof poll.term === 'string' &&
    Number.isSafeInteger(poll.generation) &&
    typeof poll.source === 'string' &&
    typeof poll.at === 'number' &&
    typeof poll.state === 'object' &&
    poll.state !== null &&
    typeof poll.state.ok === 'boolean' &&
    (poll.state.polled === null || typeof poll.state.polled?.csv === 'string');
  return fine ? (poll as RelayedPoll) : null;
}
