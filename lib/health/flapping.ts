/**
 * Flap detection in the manner of Nagios and Icinga: a weighted percent state change over the last observed
 * states, newer changes weighing more, with hysteresis between a start and a stop threshold. Changes HAProxy made
 * between two polls (chkdown rose while both polls read UP) count too, so flaps faster than the poll are seen.
 */
import { backendKey } from './server-key';
import type { ServerStatus, Transition } from './types';

export interface FlapSettings {
  /** How many observed states the score looks at (Nagios: 21). */
  windowSize: number;
  /** Flapping starts at or above this percent… */
  highPct: number;
  /** …and stops at or below this one. */
  lowPct: number;
}

export const DEFAULT_FLAP_SETTINGS: FlapSettings = { windowSize: 21, highPct: 20, lowPct: 5 };
const OLDEST_WEIGHT = 0.75;
const NEWEST_WEIGHT = 1.25;

export interface FlapObservation {
  status: ServerStatus;
  transition: Transition;
  checkDowns: number;
  checkFailures: number;
}

export interface FlapState {
  /** Oldest first; true = up. */
  states: boolean[];
  percent: number;
  flapping: boolean;
  /** Checks failed or a transitional state showed, without a full state change in this observation. */
  nearFlap: boolean;
  /** State changes in the window (including ones seen only through chkdown). */
  changes: number;
  lastCheckDowns: number;
  lastCheckFailures: number;
}

export function emptyFlapState(): FlapState {
  return {
    states: [],
    percent: 0,
    flapping: false,
    nearFlap: false,
    changes: 0,
    lastCheckDowns: 0,
    lastCheckFailures: 0,
  };
}

/** Folds one poll's observation of a server into its flap state. Planned states (MAINT, DRAIN) are not scored. */
export function observeFlap(
  previous: FlapState,
  observation: FlapObservation,
  settings: FlapSettings = DEFAULT_FLAP_SETTINGS,
): FlapState {
  const counted = counterDelta(previous, observation);
  if (isPlanned(observation.status)) {
    return {
      ...previous,
      nearFlap: false,
      lastCheckDowns: observation.checkDowns,
      lastCheckFailures: observation.checkFailures,
    };
  }
  const up = observation.status !== 'DOWN';
  if (isSteady(previous, observation, up, counted, settings)) return previous;
  const states = [...previous.states];
  const last = states.at(-1);
  // chkdown counts UP→DOWN changes: any the status did not show happened between the polls.
  const unseen = unseenPairs(last, up, counted.downs);
  for (let i = 0; i < unseen; i++) states.push(!last, last as boolean);
  states.push(up);
  const window = states.slice(-settings.windowSize);
  const { percent, changes } = weightedChange(window, settings.windowSize);
  const flapping = previous.flapping ? percent > settings.lowPct : percent >= settings.highPct;
  const sawChange = last !== undefined && (last !== up || unseen > 0);
  const nearFlap = !sawChange && (counted.failures > 0 || observation.transition !== null);
  return {
    states: window,
    percent,
    flapping,
    nearFlap,
    changes,
    lastCheckDowns: observation.checkDowns,
    lastCheckFailures: observation.checkFailures,
  };
}

/** Percent of the possible changes in a full window, each weighted 0.75 (oldest) → 1.25 (newest). */
export function weightedChange(
  states: readonly boolean[],
  windowSize: number,
): { percent: number; changes: number } {
  const slots = windowSize - 1;
  const offset = slots - (states.length - 1);
  let weighted = 0;
  let changes = 0;
  for (let i = 1; i < states.length; i++) {
    if (states[i] === states[i - 1]) continue;
    const slot = offset + i - 1;
    weighted += OLDEST_WEIGHT + ((NEWEST_WEIGHT - OLDEST_WEIGHT) * slot) / Math.max(1, slots - 1);
    changes++;
  }
  return { percent: Math.round((weighted / slots) * 1000) / 10, changes };
}

/**
 * The common case at scale: a full window without a change, and nothing new. The state would come out the same,
 * so the previous one is reused (no allocation per server per poll).
 */
function isSteady(
  previous: FlapState,
  observation: FlapObservation,
  up: boolean,
  counted: { downs: number; failures: number },
  settings: FlapSettings,
): boolean {
  return (
    previous.changes === 0 &&
    !previous.nearFlap &&
    previous.states.length === settings.windowSize &&
    previous.states[previous.states.length - 1] === up &&
    counted.downs === 0 &&
    counted.failures === 0 &&
    observation.transition === null &&
    observation.checkDowns === previous.lastCheckDowns &&
    observation.checkFailures === previous.lastCheckFailures
  );
}

/** How many extra away-and-back pairs the chkdown rise implies beyond what the two polls show. */
function unseenPairs(last: boolean | undefined, up: boolean, downs: number): number {
  if (last === undefined || downs === 0) return 0;
  return last && !up ? downs - 1 : downs;
}

/** Counter increases since the last poll; a decrease is an HAProxy reload, which restarts counting. */
function counterDelta(
  previous: FlapState,
  observation: FlapObservation,
): { downs: number; failures: number } {
  const downs = observation.checkDowns - previous.lastCheckDowns;
  const failures = observation.checkFailures - previous.lastCheckFailures;
  const fresh = previous.states.length === 0;
  return { downs: fresh || downs < 0 ? 0 : downs, failures: fresh || failures < 0 ? 0 : failures };
}

function isPlanned(status: ServerStatus): boolean {
  return status === 'MAINT' || status === 'DRAIN';
}

/** Flap states by backend, then server name: one string key per backend, not per server, on the hot path. */
export type FlapBook = Map<string, Map<string, FlapState>>;
export type ReadonlyFlapBook = ReadonlyMap<string, ReadonlyMap<string, FlapState>>;

export function flapsOfBackend(book: ReadonlyFlapBook, instance: string, backend: string) {
  return book.get(backendKey(instance, backend));
}

export function flapOf(
  book: ReadonlyFlapBook,
  instance: string,
  backend: string,
  server: string,
): FlapState | undefined {
  return flapsOfBackend(book, instance, backend)?.get(server);
}

export function setFlap(
  book: FlapBook,
  instance: string,
  backend: string,
  server: string,
  state: FlapState,
): void {
  const key = backendKey(instance, backend);
  let byServer = book.get(key);
  if (!byServer) book.set(key, (byServer = new Map()));
  byServer.set(server, state);
}
