import Link from 'next/link';
import type { AuthMode } from '@/lib/access/identity';
import { ThemeToggle } from '../ui/theme-toggle';
import { Logo } from './logo';
import { SignInForm } from './sign-in-form';
import { oidcStartUrl } from '@/lib/api/urls';
import styles from './sign-in.module.css';

export interface SignInCardProps {
  /** `none` never reaches here: the page sends the browser on to the dashboard. */
  mode: Exclude<AuthMode, 'none'>;
  /** The page to return to, already made safe (safeNextPath). */
  next: string;
  /** Why the last OpenID sign-in failed (`/signin?error=…`): the server's own sentence, shown as it is. */
  error: string | null;
}

/** The sign-in page's card: what this hapscope signs in with, and the way to do it. */
export function SignInCard({ mode, next, error }: SignInCardProps) {
  return (
    <div className={styles.page}>
      <div className={styles.theme}>
        <ThemeToggle />
      </div>
      <main className={styles.card} data-testid="signin" data-mode={mode}>
        <div className={styles.brand}>
          <Logo />
          <span>hapscope</span>
        </div>
        <h1 className={styles.title}>Sign in</h1>
        {mode === 'local' ? <SignInForm next={next} /> : null}
        {mode === 'oidc' ? <OidcSignIn next={next} error={error} /> : null}
        {mode === 'proxy' ? <ProxySignIn next={next} /> : null}
      </main>
    </div>
  );
}

function OidcSignIn({ next, error }: { next: string; error: string | null }) {
  return (
    <>
      {error ? (
        <p className={styles.error} role="alert" data-testid="signin-error">
          {error}
        </p>
      ) : null}
      <p className={styles.text}>hapscope signs you in with your organisation’s account.</p>
      <a href={oidcStartUrl(next)} className={styles.primary} data-testid="signin-oidc">
        Sign in with your identity provider
      </a>
    </>
  );
}

function ProxySignIn({ next }: { next: string }) {
  return (
    <>
      <p className={styles.text} data-testid="signin-proxy">
        Sign-in happens at the reverse proxy in front of hapscope, not here. Open hapscope through that
        proxy’s address; if you did, it did not say who you are: ask whoever runs it.
      </p>
      <Link href={next} className={styles.secondary}>
        Try again
      </Link>
    </>
  );
}
