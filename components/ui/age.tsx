'use client';

import { useNow } from './use-now';
import { formatAge, formatIn } from './format';

/** "2 s ago", ticking every second; `at` is a browser-clock epoch in ms. */
export function Age({ at, className }: { at: number | null; className?: string }) {
  const now = useNow();
  return (
    <time className={className} dateTime={at === null ? undefined : new Date(at).toISOString()}>
      {formatAge(at === null ? null : Math.max(0, now - at))}
    </time>
  );
}

/** "in 4 s", ticking every second. */
export function Countdown({ to, className }: { to: number; className?: string }) {
  const now = useNow();
  return (
    <time className={className} dateTime={new Date(to).toISOString()}>
      {formatIn(to - now)}
    </time>
  );
}
