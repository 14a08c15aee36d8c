import type { ReactNode } from 'react';
import type { AuthMode } from '@/lib/access/identity';
import { ROLE_CAN, type Role } from '@/lib/access/roles';
import { EmptyState } from '../../ui/empty-state';
import { AdminNav } from './admin-nav';
import styles from './admin.module.css';

/** Every admin page: the heading and the sub-navigation, then the page. */
export function AdminFrame({ mode, children }: { mode: AuthMode; children: ReactNode }) {
  return (
    <div className={styles.page} data-testid="admin">
      <header className={styles.header}>
        <h1 className={styles.title}>Admin</h1>
        <AdminNav mode={mode} />
      </header>
      {children}
    </div>
  );
}

/** What a viewer or operator sees at /admin/*: which role is needed, and which one they have. */
export function AdminForbidden({ role }: { role: Role }) {
  return (
    <div className={styles.page}>
      <EmptyState
        title={`Admin pages need the admin role; you are ${role}.`}
        tone="error"
        data-testid="admin-forbidden"
      >
        <p>
          Admins {ROLE_CAN.admin}. As {role === 'operator' ? 'an' : 'a'} {role} you {ROLE_CAN[role]}. Ask an
          admin if you need more.
        </p>
      </EmptyState>
    </div>
  );
}
