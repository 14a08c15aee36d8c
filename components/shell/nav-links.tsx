'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { AlertsNavBadge } from '../alerts/alerts-nav-badge';
import styles from './top-bar.module.css';

export interface NavItem {
  href: string;
  label: string;
}

/** Pools, Uptime and Alerts join this list as their pages land. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', label: 'Overview' },
  { href: '/pools', label: 'Pools' },
  { href: '/uptime', label: 'Uptime' },
  { href: '/alerts', label: 'Alerts' },
];

function isActive(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' || pathname.startsWith('/backends/') : pathname.startsWith(href);
}

export function NavLinks({ items = NAV_ITEMS }: { items?: readonly NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className={styles.nav}>
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              className={styles.link}
              aria-current={isActive(pathname, item.href) ? 'page' : undefined}
            >
              {item.label}
              {item.href === '/alerts' ? <AlertsNavBadge /> : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
