'use client';

import { useTheme } from './use-theme';
import { Button } from './button';
import { nextThemePref, type ThemePref } from './theme';

const LABELS: Record<ThemePref, string> = { auto: 'Auto', light: 'Light', dark: 'Dark' };

function ThemeIcon({ pref }: { pref: ThemePref }) {
  if (pref === 'light') {
    return (
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor">
        <circle cx="8" cy="8" r="3" strokeWidth="1.6" />
        <path
          d="M8 1v2M8 13v2M1 8h2M13 8h2M3 3l1.4 1.4M11.6 11.6 13 13M3 13l1.4-1.4M11.6 4.4 13 3"
          strokeWidth="1.4"
          strokeLinecap="round"
        />
      </svg>
    );
  }
  if (pref === 'dark') {
    return (
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="currentColor">
        <path d="M10.5 1.5a6.5 6.5 0 1 0 4 11.2A6 6 0 0 1 10.5 1.5z" />
      </svg>
    );
  }
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M8 2a6 6 0 0 1 0 12z" fill="currentColor" />
    </svg>
  );
}

/** Cycles auto → light → dark; the choice is kept in localStorage. */
export function ThemeToggle() {
  const { pref, theme, setPref } = useTheme();
  const next = nextThemePref(pref);
  return (
    <Button
      variant="ghost"
      size="sm"
      onClick={() => setPref(next)}
      data-testid="theme-toggle"
      data-theme-pref={pref}
      aria-label={`Theme: ${LABELS[pref]}${pref === 'auto' ? ` (${theme})` : ''}. Switch to ${LABELS[next]}`}
      title={`Theme: ${LABELS[pref]} — click for ${LABELS[next]}`}
    >
      <ThemeIcon pref={pref} />
      <span>{LABELS[pref]}</span>
    </Button>
  );
}
