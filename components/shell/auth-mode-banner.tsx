import styles from './auth-mode-banner.module.css';

/** Full-height views subtract it, as they do the Kubernetes banner (`--auth-banner-h`). */
const BANNER_HEIGHT_PX = 34;

/**
 * AUTH_MODE=none, said on every dashboard page and never dismissable: anyone who reaches hapscope can act as an
 * admin. A labelled region, not role="alert": it is a standing fact, not news to interrupt a screen reader with.
 */
export function AuthModeBanner() {
  return (
    <>
      <style>{`:root{--auth-banner-h:${BANNER_HEIGHT_PX}px}`}</style>
      <section
        className={styles.banner}
        style={{ minHeight: BANNER_HEIGHT_PX }}
        aria-label="Sign-in is off"
        data-testid="auth-mode-banner"
      >
        <ShieldIcon />
        <p>
          <strong>Sign-in is off (AUTH_MODE=none):</strong> everyone who can reach hapscope is an admin and
          can silence alerts.
        </p>
      </section>
    </>
  );
}

function ShieldIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" className={styles.icon}>
      <path
        d="M8 1.5 2.5 3.5v4c0 3.2 2.3 5.9 5.5 7 3.2-1.1 5.5-3.8 5.5-7v-4z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinejoin="round"
      />
      <path d="M8 5v3.5M8 10.5v.5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}
