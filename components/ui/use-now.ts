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
      this.timer = setInterval(() => {
        this.now = Date.now();
        for (const notify of this.listeners) notify();
      }, this.intervalMs);
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  };

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

/** The current time, re-rendering the caller every `intervalMs`. Keep it in small leaf components. */
export function useNow(intervalMs = 1000): number {
  const clock = clockFor(intervalMs);
  return useSyncExternalStore(clock.subscribe, clock.read, clock.read);
}
