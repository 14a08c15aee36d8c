import Link from 'next/link';
import { FreshnessIndicator } from '../panels/freshness-indicator';
import { ThemeToggle } from '../ui/theme-toggle';
import { NavLinks } from './nav-links';
import styles from './top-bar.module.css';

function Logo() {
  return (
    <svg viewBox="0 0 32 32" width="22" height="22" aria-hidden="true">
      <rect width="32" height="32" rx="7" fill="var(--accent)" />
      <path
        d="M7 21.5h4l2.5-8 3.5 12 3-9 1.7 5H25"
        fill="none"
        stroke="#fff"
        strokeWidth="2.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** The dashboard's chrome: product, navigation, whether data is live, theme. */
export function TopBar() {
  return (
    <header className={styles.bar}>
      <Link href="/" className={styles.brand}>
        <Logo />
        <span>hapscope</span>
      </Link>
      <NavLinks />
      <div className={styles.end}>
        <FreshnessIndicator />
        <ThemeToggle />
      </div>
    </header>
  );
}
