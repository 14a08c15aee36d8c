'use client';

import { signOutUrl } from '@/lib/api/urls';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { useAccess } from './access-context';
import styles from './top-bar.module.css';
import { userMenuView } from './user-menu-view';

const SIGN_IN_PAGE = '/signin';

/** Who is signed in and as what role; Admin for admins; Sign out where hapscope holds the session. */
export function UserMenu() {
  const access = useAccess();
  const pathname = usePathname();
  const view = userMenuView(access);
  return (
    <div className={styles.user} data-testid="user-menu">
      {view.showAdmin ? (
        <Link
          href="/admin"
          className={styles.link}
          aria-current={pathname.startsWith('/admin') ? 'page' : undefined}
          data-testid="admin-link"
        >
          Admin
        </Link>
      ) : null}
      <span className={styles.who} title={`${view.how} ${view.roleText}`} data-testid="user-identity">
        <PersonIcon />
        <span className="visually-hidden">Signed in as </span>
        <span className={styles.userName}>{access.name}</span>
        <Badge tone="neutral" size="sm" data-testid="user-role">
          {access.role}
        </Badge>
      </span>
      {view.canSignOut ? <SignOutButton /> : null}
    </div>
  );
}

function SignOutButton() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signOut = async () => {
    setBusy(true);
    setError(null);
    try {
      // JSON, same origin: hapscope refuses any other state change (lib/api/same-origin.ts).
      const res = await fetch(signOutUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      });
      if (!res.ok && res.status !== 401) throw new Error(`HTTP ${res.status}`);
      // A full load, not a client navigation: the alert stream and every cached read of this session go.
      window.location.replace(SIGN_IN_PAGE);
    } catch (e) {
      setError(`Could not sign out: ${(e as Error).message}`);
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="ghost" size="sm" onClick={() => void signOut()} disabled={busy} data-testid="sign-out">
        Sign out
      </Button>
      {error ? (
        <span role="alert" className={styles.signOutError}>
          {error}
        </span>
      ) : null}
    </>
  );
}

function PersonIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor">
      <circle cx="8" cy="5.5" r="2.75" strokeWidth="1.5" />
      <path
        d="M2.75 14c.6-2.7 2.7-4.25 5.25-4.25S12.65 11.3 13.25 14"
        strokeWidth="1.5"
        strokeLinecap="round"
      />
    </svg>
  );
}
