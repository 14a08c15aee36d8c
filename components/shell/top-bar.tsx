import Link from 'next/link';
import { FreshnessIndicator } from '../panels/freshness-indicator';
import { ThemeToggle } from '../ui/theme-toggle';
import { Logo } from './logo';
import { NavLinks } from './nav-links';
import { UserMenu } from './user-menu';
import styles from './top-bar.module.css';

/** The dashboard's chrome: product, navigation, whether data is live, theme, who is signed in. */
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
        <UserMenu />
      </div>
    </header>
  );
}
