'use client';

import { useSyncExternalStore } from 'react';

/**
 * One clock per interval for the whole page: every component that shows the time at the same pace is told in the
 * same task, so they render together and the page paints once per tick, not once per component.
 */
class Clock {
  private now = Date.now();
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly intervalMs: number) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.timer === undefined) {
      this.now = Date.now();
      this.start();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  };

  /** Ticks now, next `quietMs` from now, then every interval: see restartClock. */
  restart(quietMs: number): void {
    if (this.timer === undefined) return;
    clearInterval(this.timer);
    this.tick();
    this.timer = setTimeout(() => {
      this.tick();
      this.start();
    }, quietMs);
  }

  private start(): void {
    this.timer = setInterval(() => this.tick(), this.intervalMs);
  }

  private tick(): void {
    this.now = Date.now();
    for (const notify of this.listeners) notify();
  }

  /** The time of the last tick; read while no one listens, it is brought up to date once an interval has passed. */
  read = (): number => {
    if (this.timer === undefined && Date.now() - this.now >= this.intervalMs) this.now = Date.now();
    return this.now;
  };
}

const clocks = new Map<number, Clock>();
/** The page's clock of `intervalMs` (exported for its tests; components read it through useNow). */
export const clockFor = (intervalMs: number) => {
  let clock = clocks.get(intervalMs);
  if (!clock) clocks.set(intervalMs, (clock = new Clock(intervalMs)));
  return clock;
};

/**
 * Ticks the clock of `intervalMs` now, and next only `quietMs` from now (then every interval again). Called as new
 * data arrives (in the same task), with `quietMs` past the next arrival expected, the times shown are rendered with
 * the data, in its frame, and while data keeps coming the clock never ticks on its own: a page that shows a poll
 * every 2 s paints once per poll, not three times (ticks at +1 s, and at +2 s just before a poll that takes a
 * little longer than 2 s). Once data is late, the times go on ticking every interval.
 */
export function restartClock(intervalMs: number, quietMs = intervalMs): void {
  clocks.get(intervalMs)?.restart(quietMs);
}

/** The current time, re-rendering the caller every `intervalMs`. Keep it in small leaf components. */
export function useNow(intervalMs = 1000): number {
  const clock = clockFor(intervalMs);
  return useSyncExternalStore(clock.subscribe, clock.read, clock.read);
}
