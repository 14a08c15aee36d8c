'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { AuthMode } from '@/lib/access/identity';
import { adminNavItems, isCurrentAdminPage } from './admin-nav-items';
import styles from './admin.module.css';

export function AdminNav({ mode }: { mode: AuthMode }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className={styles.nav}>
      <ul>
        {adminNavItems(mode).map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              className={styles.navLink}
              aria-current={isCurrentAdminPage(pathname, item.href) ? 'page' : undefined}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
