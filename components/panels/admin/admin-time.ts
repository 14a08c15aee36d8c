/** Times on the admin pages: a date and minute for the record, "3 d ago" / "in 29 d" for how long. Pure. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "2026-03-04 09:15" (with `seconds`, "2026-03-04 09:15:42") in the browser's time zone, or the one given (tests);
 * "–" for none.
 */
export function formatWhen(
  iso: string | null,
  { seconds = false, timeZone }: { seconds?: boolean; timeZone?: string } = {},
): string {
  if (!iso) return '–';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: seconds ? '2-digit' : undefined,
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const time = `${part('hour')}:${part('minute')}${seconds ? `:${part('second')}` : ''}`;
  return `${part('year')}-${part('month')}-${part('day')} ${time}`;
}

/** A span in its largest whole unit: "45 s", "12 min", "5 h", "29 d". */
export function formatSpan(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return `${Math.floor(abs / 1000)} s`;
  if (abs < HOUR) return `${Math.floor(abs / MINUTE)} min`;
  if (abs < 2 * DAY) return `${Math.floor(abs / HOUR)} h`;
  return `${Math.floor(abs / DAY)} d`;
}

/**
 * "3 min ago", "never" (null): how long since something that has happened. A time just after `now` (the page's
 * clock ticks slower than the server's writes) reads "just now", never "in 3 s".
 */
export function ago(iso: string | null, now: number): string {
  if (!iso) return 'never';
  return relativeTo(new Date(Math.min(Date.parse(iso), now)).toISOString(), now);
}

/** "3 d ago", "in 29 d", "never" (null): how far `iso` is from `now`. */
export function relativeTo(iso: string | null, now: number): string {
  if (!iso) return 'never';
  const delta = Date.parse(iso) - now;
  if (Math.abs(delta) < 1000) return 'just now';
  return delta > 0 ? `in ${formatSpan(delta)}` : `${formatSpan(delta)} ago`;
}
