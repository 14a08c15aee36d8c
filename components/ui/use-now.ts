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

  /** Ticks now, and from now on an interval after: see restartClock. */
  restart(): void {
    if (this.timer === undefined) return;
    clearInterval(this.timer);
    this.tick();
    this.start();
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
const clockFor = (intervalMs: number) => {
  let clock = clocks.get(intervalMs);
  if (!clock) clocks.set(intervalMs, (clock = new Clock(intervalMs)));
  return clock;
};

/**
 * Ticks the clock of `intervalMs` now and restarts its interval from now. Called as new data arrives (in the same
 * task), the times shown are rendered with the data, in the same frame, and the next tick comes an interval after:
 * a page that shows a poll every 2 s and ages every second paints twice per poll, not three times.
 */
export function restartClock(intervalMs: number): void {
  clocks.get(intervalMs)?.restart();
}

/** The current time, re-rendering the caller every `intervalMs`. Keep it in small leaf components. */
export function useNow(intervalMs = 1000): number {
  const clock = clockFor(intervalMs);
  return useSyncExternalStore(clock.subscribe, clock.read, clock.read);
}
