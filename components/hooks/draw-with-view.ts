'use client';

import { flushSync } from 'react-dom';

/**
 * One frame per poll. A poll reaches the page twice: its alert events (the alert stream, sent as the server
 * evaluates the poll) and, a few tens of milliseconds later, its view (the overview's worker, once it has applied
 * the poll's change). Drawn apart, each cost a frame of its own: at 20,000 servers with an alert per toast, about
 * 4 ms more per poll on a machine without a GPU (e2e/bench/main-thread-bench.ts). An update handed to
 * `drawWithNextView` is run when the next view arrives (`viewArrives`, which the overview's client calls just
 * before it hands the view to React), or after MAX_WAIT_MS where none comes (a page without the live snapshot, a
 * hidden tab, a failed worker).
 */
const MAX_WAIT_MS = 500;

const waiting = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;

export function drawWithNextView(update: () => void): void {
  waiting.add(update);
  timer ??= setTimeout(viewArrives, MAX_WAIT_MS);
}

/**
 * Runs the updates waiting for this view, rendered at once (flushSync): the view's own render follows in the same
 * task, and both are drawn in the one frame after it.
 */
export function viewArrives(): void {
  clearTimeout(timer);
  timer = undefined;
  if (waiting.size === 0) return;
  const updates = [...waiting];
  waiting.clear();
  flushSync(() => {
    for (const update of updates) update();
  });
}
