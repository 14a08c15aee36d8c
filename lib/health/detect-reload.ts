/** HAProxy reload detection from `show info`: a new pid, or an uptime that grew less than the time that passed. */

export interface ProcessReading {
  pid: number | null;
  uptimeSec: number | null;
  /** When this was read (epoch ms). */
  at: number;
}

/** Uptime is read in whole seconds, and HTTP sources read it from a page rendered a moment earlier. */
const UPTIME_SLACK_SEC = 5;

export function detectReload(previous: ProcessReading | null, current: ProcessReading): boolean {
  if (!previous) return false;
  if (previous.pid !== null && current.pid !== null && previous.pid !== current.pid) return true;
  if (previous.uptimeSec === null || current.uptimeSec === null) return false;
  const expected = previous.uptimeSec + (current.at - previous.at) / 1000;
  return current.uptimeSec < expected - UPTIME_SLACK_SEC;
}
