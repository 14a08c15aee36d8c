/** The admin pages' sub-navigation. Pure. */
import type { AuthMode } from '@/lib/access/identity';

export interface AdminNavItem {
  href: string;
  label: string;
}

/** Users only where hapscope keeps them (AUTH_MODE=local); elsewhere the identity provider or proxy does. */
export function adminNavItems(mode: AuthMode): AdminNavItem[] {
  return [
    ...(mode === 'local' ? [{ href: '/admin/users', label: 'Users' }] : []),
    { href: '/admin/tokens', label: 'API tokens' },
    { href: '/admin/shares', label: 'Share links' },
    { href: '/admin/audit', label: 'Audit log' },
  ];
}

export const isCurrentAdminPage = (pathname: string, href: string) =>
  pathname === href || pathname.startsWith(`${href}/`);
