/** Formatting of the history views: clock times and spans. Fixed locale so figures line up. */

export interface ClockOptions {
  withDate?: boolean;
  /** Tests pin 'UTC'; the browser uses its own zone. */
  timeZone?: string;
}

export function formatClock(ms: number, options: ClockOptions = {}): string {
  return clockText(ms, options, false);
}

/** "12:04:31" — event times, where seconds matter. */
export function formatClockSeconds(ms: number, options: ClockOptions = {}): string {
  return clockText(ms, options, true);
}

function clockText(ms: number, options: ClockOptions, seconds: boolean): string {
  const time = new Date(ms).toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' as const } : {}),
    hourCycle: 'h23',
    timeZone: options.timeZone,
  });
  if (!options.withDate) return time;
  const date = new Date(ms).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: options.timeZone,
  });
  return `${date} ${time}`;
}

/** "12:04–12:08", with dates when the span is not within one day. */
export function formatSpan(from: number, to: number, options: ClockOptions = {}): string {
  return `${formatClock(from, options)}–${formatClock(to, options)}`;
}

/** Whether times in a range need their date to be unambiguous. */
export const needsDate = (from: number, to: number): boolean => to - from > 20 * 3_600_000;
