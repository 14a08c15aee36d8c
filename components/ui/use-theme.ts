'use client';

import { useCallback, useLayoutEffect, useSyncExternalStore } from 'react';
import { parseThemePref, resolveTheme, THEME_STORAGE_KEY, type Theme, type ThemePref } from './theme';

const CHANGE_EVENT = 'hapscope-theme-change';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(DARK_QUERY);
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  media.addEventListener('change', onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
    media.removeEventListener('change', onChange);
  };
}

function readPref(): ThemePref {
  try {
    return parseThemePref(localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return 'auto';
  }
}

/** The theme preference, the theme it resolves to, and a setter that persists and applies it. */
export function useTheme(): { pref: ThemePref; theme: Theme; setPref: (pref: ThemePref) => void } {
  const pref = useSyncExternalStore(subscribe, readPref, () => 'auto' as const);
  const prefersDark = useSyncExternalStore(
    subscribe,
    () => window.matchMedia(DARK_QUERY).matches,
    () => false,
  );
  const theme = resolveTheme(pref, prefersDark);

  // Also re-applies after React's development remount, which resets the attributes the inline script set.
  // Reads storage afresh: during hydration `pref` and `theme` still hold the server's defaults.
  useLayoutEffect(() => {
    const current = readPref();
    const root = document.documentElement;
    root.setAttribute('data-theme', resolveTheme(current, window.matchMedia(DARK_QUERY).matches));
    root.setAttribute('data-theme-pref', current);
  }, [pref, theme]);

  const setPref = useCallback((next: ThemePref) => {
    try {
      localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Storage disabled: nothing to keep the choice in, so the theme stays as it is.
    }
    window.dispatchEvent(new Event(CHANGE_EVENT));
  }, []);

  return { pref, theme, setPref };
}
