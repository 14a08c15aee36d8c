'use client';

import type { AuthMode } from '@/lib/access/identity';
import { useUsers } from '../../hooks/use-users';
import { useAccess } from '../../shell/access-context';
import { EmptyState } from '../../ui/empty-state';
import { useNow } from '../../ui/use-now';
import { AddUserForm } from './add-user-form';
import { AdminListState } from './admin-list-state';
import styles from './admin.module.css';
import { createUser, removeUser, updateUser } from './admin-requests';
import { UsersTable } from './users-table';

/** /admin/users: hapscope's own users (AUTH_MODE=local); elsewhere, where users are managed instead. */
export function UsersPanel({ mode }: { mode: AuthMode }) {
  if (mode === 'none')
    return (
      <EmptyState title="Sign-in is off (AUTH_MODE=none): there are no users" data-testid="users-elsewhere">
        Everyone who reaches hapscope is an admin. Set AUTH_MODE=local to have hapscope keep users and
        passwords.
      </EmptyState>
    );
  if (mode !== 'local')
    return (
      <EmptyState
        title={`Users are managed where they sign in (AUTH_MODE=${mode})`}
        data-testid="users-elsewhere"
      >
        hapscope keeps no passwords in this mode; roles come from the groups named in AUTH_ROLE_GROUPS.
      </EmptyState>
    );
  return <LocalUsers />;
}

function LocalUsers() {
  const { data, error, isLoading, mutate } = useUsers();
  const self = useAccess().name;
  const now = useNow(30_000);
  const after = async <T,>(change: Promise<T>) => {
    await change;
    await mutate();
  };
  return (
    <>
      <section className={`${styles.section} ${styles.card}`} aria-labelledby="add-user-heading">
        <h2 id="add-user-heading" className={styles.sectionTitle}>
          Add a user
        </h2>
        <AddUserForm onAdd={(user) => after(createUser(user))} />
      </section>
      <section className={styles.section} aria-labelledby="users-heading">
        <div className={styles.sectionHead}>
          <h2 id="users-heading" className={styles.sectionTitle}>
            Users {data ? `(${data.users.length})` : ''}
          </h2>
          <p className={styles.lead}>
            A new role or password ends that user’s sessions. The last admin stays.
          </p>
        </div>
        <AdminListState
          load={{ data, error, isLoading }}
          failed="Could not load the users"
          loading="Loading users…"
        >
          {(list) => (
            <UsersTable
              users={list.users}
              self={self}
              now={now}
              onUpdate={(name, change) => after(updateUser(name, change))}
              onRemove={(name) => after(removeUser(name))}
            />
          )}
        </AdminListState>
      </section>
    </>
  );
}
