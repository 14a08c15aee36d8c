'use client';

import { useCallback, useSyncExternalStore } from 'react';

const CHANGE_EVENT = 'hapscope-flag-change';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

/** A yes/no the browser remembers (localStorage), e.g. whether a section is open; `fallback` until it says. */
export function useStoredFlag(key: string, fallback: boolean): [boolean, (value: boolean) => void] {
  const read = () => {
    try {
      const stored = localStorage.getItem(key);
      return stored === null ? fallback : stored === '1';
    } catch {
      return fallback; // storage disabled
    }
  };
  const value = useSyncExternalStore(subscribe, read, () => fallback);
  const set = useCallback(
    (next: boolean) => {
      try {
        localStorage.setItem(key, next ? '1' : '0');
      } catch {
        // storage disabled: the choice lasts until the page reloads
      }
      window.dispatchEvent(new Event(CHANGE_EVENT));
    },
    [key],
  );
  return [value, set];
}
