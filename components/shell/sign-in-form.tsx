'use client';

import { useId, useState, useSyncExternalStore, type FormEvent } from 'react';
import { safeNextPath } from '@/lib/access/next-path';
import { Button } from '../ui/button';
import { signInUrl } from '@/lib/api/urls';
import { signInFailureText } from './sign-in-text';
import styles from './sign-in.module.css';

/** AUTH_MODE=local: a hapscope user name and password, sent as JSON; on success, back to the page asked for. */
export function SignInForm({ next }: { next: string | null }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ready = useHydrated();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const failure = await postSignIn(String(form.get('name') ?? ''), String(form.get('password') ?? ''));
    if (failure === null) return window.location.assign(safeNextPath(next));
    setError(failure);
    setBusy(false);
  };

  return (
    // method="post": should the script not run, the password never lands in a URL.
    <form
      method="post"
      className={styles.form}
      onSubmit={onSubmit}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <label className={styles.label} htmlFor={`${id}-name`}>
        User name
      </label>
      <input
        id={`${id}-name`}
        name="name"
        className={styles.input}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        autoFocus
        data-testid="signin-name"
      />
      <label className={styles.label} htmlFor={`${id}-password`}>
        Password
      </label>
      <input
        id={`${id}-password`}
        name="password"
        type="password"
        className={styles.input}
        autoComplete="current-password"
        required
        data-testid="signin-password"
      />
      {error ? (
        <p id={`${id}-error`} className={styles.error} role="alert" data-testid="signin-error">
          {error}
        </p>
      ) : null}
      <Button type="submit" className={styles.submit} disabled={busy || !ready} data-testid="signin-submit">
        {busy ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}

const noSubscription = () => () => {};

/**
 * False in the server's HTML, true once React runs here: a click before that would post the form natively, to
 * this page, and lose what was typed.
 */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/** null when signed in; otherwise what to tell the person. */
async function postSignIn(name: string, password: string): Promise<string | null> {
  try {
    const res = await fetch(signInUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ name, password }),
    });
    if (res.ok) return null;
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    return signInFailureText(res.status, body?.error?.message ?? null);
  } catch {
    return signInFailureText(0, null);
  }
}
