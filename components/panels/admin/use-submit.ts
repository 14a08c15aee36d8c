'use client';

import { useState, type FormEvent } from 'react';

export interface Submission {
  /** What is wrong before anything is sent (the server checks again), or null. */
  check?(): string | null;
  send(): Promise<void>;
}

/**
 * A form's (or a button's) send: `busy` while it runs, `error` the local check's words or the server's. A new
 * attempt clears the last error.
 */
export function useSubmit({ check, send }: Submission) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const problem = check?.() ?? null;
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      await send();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, submit };
}
