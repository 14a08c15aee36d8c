'use client';

import { useState } from 'react';

/**
 * `value` as it was when `key` last changed (compared by identity): what depends on only part of a value that is
 * new each poll keeps the same object, and its memos hold, until that part changes.
 */
export function useValueAsOf<T>(value: T, key: unknown): T {
  const [held, setHeld] = useState({ value, key });
  if (!Object.is(held.key, key)) {
    setHeld({ value, key });
    return value;
  }
  return held.value;
}
