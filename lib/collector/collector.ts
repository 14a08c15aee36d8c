import type { Config } from '@/lib/config/parse-config';
import { pollSource, type PollResult } from '@/lib/haproxy';
import { parseStatsCsv } from '@/lib/haproxy/parse-csv';
import { toSourceError, type SourceError } from '@/lib/haproxy/source-error';
import { toProxies } from '@/lib/haproxy/to-backends';
import { fillTrafficRates } from '@/lib/health/traffic-rates';
import type { SameProcessGrouping } from '@/lib/health/same-process';
import type { Backend } from '@/lib/health/types';
import { nextPollDelayMs } from './backoff';
import { systemClock, type Clock } from './clock';
import { logSourceChange } from './log';
import type { RelayedPoll } from './relayed-poll';
import { initialSourceState, type SourceState } from './source-state';
import { regroupSameProcess } from './same-process-states';

/** HTTP sources read the stats page's process information this often (the socket reads it every poll). */
const INFO_REFRESH_MS = 60_000;

export interface PollEvent {
  state: SourceState;
  at: number;
  result: PollResult | null;
  /** True when the leading replica made this poll and this process took it (followPoll): nothing to record. */
  relayed?: boolean;
}
export type PollListener = (event: PollEvent) => void;

export type PollSource = typeof pollSource;

export interface CollectorDeps {
  clock?: Clock;
  /** Reads one source (lib/haproxy); tests inject their own. */
  poll?: PollSource;
  /** Runs on each successful poll's backends before anyone sees them: fills server.node / server.pool. */
  decorate?: (backends: Backend[], instance: string, at: number) => void;
}

/**
 * Polls every source on its own timer: a poll of one source never overlaps the next one of the same source,
 * and a slow or failing source never delays the others. A replica that does not lead polls nothing: it takes the
 * leader's polls instead (followPoll), with the leader's generations, so whatever it derives is the leader's.
 */
export class Collector {
  readonly states: SourceState[];
  /** Bumped after every poll: lets readers cache what they derive from the states. */
  generation = 0;
  /**
   * Whose polls these are: this process's term while it polls, the leader's while it follows. With the
   * generation it names a poll among every replica's (the snapshot stream's ids).
   */
  term: string;
  private polling = false;
  /** Bumped when polling stops: a poll in flight from before is dropped. */
  private round = 0;
  private readonly listeners = new Set<PollListener>();
  private readonly timers = new Map<string, unknown>();
  private stopped = false;
  private readonly clock: Clock;
  private readonly poll: PollSource;
  private grouping: SameProcessGrouping | null = null;

  constructor(
    readonly config: Pick<Config, 'sources' | 'pollIntervalMs' | 'pollTimeoutMs'>,
    private readonly deps: CollectorDeps = {},
    term = 'local',
  ) {
    this.states = config.sources.map(initialSourceState);
    this.clock = deps.clock ?? systemClock;
    this.poll = deps.poll ?? pollSource;
    this.term = term;
  }

  /** Whether this process polls (it leads), rather than following another's polls. */
  get leading(): boolean {
    return this.polling;
  }

  /** Starts polling every source now. */
  start(): void {
    if (this.stopped || this.polling) return;
    this.polling = true;
    for (const state of this.states) this.schedule(state, 0);
  }

  /**
   * Starts polling as the new leader: under its own term, its generations after every one already published
   * (`after`), so every replica's stream goes on in one order.
   */
  lead(term: string, after: number): void {
    this.term = term;
    this.generation = Math.max(this.generation, after);
    this.start();
  }

  /** Stops polling (another process leads now); a poll in flight is dropped. */
  pause(): void {
    this.polling = false;
    this.round++;
    for (const timer of this.timers.values()) this.clock.clearTimeout(timer);
    this.timers.clear();
  }

  stop(): void {
    this.stopped = true;
    this.pause();
  }

  /**
   * Takes a poll the leader made (relayed-poll.ts) as if this process had made it; false, and nothing changes,
   * while this process polls itself, or for a source it does not know (the replicas' sources differ) or a poll
   * older than the last taken.
   */
  followPoll(poll: RelayedPoll): boolean {
    const state = this.states.find((s) => s.source.name === poll.source);
    if (this.polling || this.stopped || !state || poll.generation <= this.generation) return false;
    const { polled, ...figures } = poll.state;
    let result: PollResult | null = null;
    if (polled) {
      // As the leader did: parse, decorate, rates from the last good poll.
      const proxies = toProxies(parseStatsCsv(polled.csv), state.source.name);
      result = { ...proxies, info: figures.info, bytes: polled.csv.length };
      this.decorate(result.backends, state, poll.at);
      if (state.backends && state.lastSuccessAt !== null) {
        const previous = { backends: state.backends, frontends: state.frontends ?? [] };
        fillTrafficRates(previous, result, poll.at - state.lastSuccessAt);
      }
      state.backends = result.backends;
      state.frontends = result.frontends;
    }
    Object.assign(state, figures);
    this.grouping = regroupSameProcess(this.states, this.grouping);
    this.term = poll.term;
    this.generation = poll.generation;
    this.notify({ state, at: poll.at, result, relayed: true });
    return true;
  }

  onPoll(listener: PollListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private schedule(state: SourceState, delayMs: number): void {
    if (this.stopped || !this.polling) return;
    state.nextPollAt = this.clock.now() + delayMs;
    this.timers.set(
      state.source.name,
      this.clock.setTimeout(() => void this.pollOnce(state), delayMs),
    );
  }

  private async pollOnce(state: SourceState): Promise<void> {
    const round = this.round;
    const startedAt = this.clock.now();
    const { pollTimeoutMs, pollIntervalMs } = this.config;
    const wantInfo =
      !state.ok ||
      state.infoReadAt === null ||
      state.infoStale ||
      startedAt - state.infoReadAt >= INFO_REFRESH_MS;
    let result: PollResult | null = null;
    try {
      result = await this.poll(state.source, pollTimeoutMs, wantInfo);
      if (round !== this.round) return;
      this.decorate(result.backends, state, startedAt);
      this.recordSuccess(state, result, startedAt);
    } catch (error) {
      if (round !== this.round) return;
      this.recordFailure(state, toSourceError(error, pollTimeoutMs), startedAt);
    }
    this.grouping = regroupSameProcess(this.states, this.grouping);
    this.generation++;
    state.pollsTotal++;
    if (!state.ok) state.failuresTotal++;
    this.notify({ state, at: startedAt, result });
    const elapsed = this.clock.now() - startedAt;
    this.schedule(state, nextPollDelayMs(pollIntervalMs, state.consecutiveFailures, elapsed));
  }

  private decorate(backends: Backend[], state: SourceState, at: number): void {
    try {
      this.deps.decorate?.(backends, state.source.name, at);
    } catch (error) {
      console.error('[hapscope] decorating a poll failed:', error);
    }
  }

  private recordSuccess(state: SourceState, result: PollResult, startedAt: number): void {
    if (!state.ok) logSourceChange(state.source, null);
    if (state.backends && state.lastSuccessAt !== null) {
      const previous = { backends: state.backends, frontends: state.frontends ?? [] };
      fillTrafficRates(previous, result, startedAt - state.lastSuccessAt);
    }
    Object.assign(state, {
      ok: true,
      error: null,
      lastPollAt: startedAt,
      lastSuccessAt: startedAt,
      consecutiveFailures: 0,
      pollDurationMs: this.clock.now() - startedAt,
      backends: result.backends,
      frontends: result.frontends,
    });
    if (result.info) {
      state.info = result.info;
      state.infoReadAt = startedAt;
    }
  }

  private recordFailure(state: SourceState, error: SourceError, startedAt: number): void {
    if (state.ok || state.error?.message !== error.message) logSourceChange(state.source, error.message);
    Object.assign(state, {
      ok: false,
      error: { kind: error.kind, message: error.message },
      lastPollAt: startedAt,
      consecutiveFailures: state.consecutiveFailures + 1,
      pollDurationMs: this.clock.now() - startedAt,
    });
  }

  private notify(event: PollEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error('[hapscope] a poll listener failed:', error);
      }
    }
  }
}
