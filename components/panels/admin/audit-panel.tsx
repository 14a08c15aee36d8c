'use client';

import { useAudit } from '../../hooks/use-audit';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { AdminListState } from './admin-list-state';
import styles from './admin.module.css';
import { AuditTable } from './audit-table';

/** /admin/audit: every sign-in and change by a person or token, newest first, a page at a time. */
export function AuditPanel() {
  const audit = useAudit();
  return (
    <section className={styles.section} aria-labelledby="audit-heading">
      <div className={styles.sectionHead}>
        <h2 id="audit-heading" className={styles.sectionTitle}>
          Audit log
        </h2>
        <Button size="sm" variant="ghost" onClick={audit.refresh}>
          Refresh
        </Button>
      </div>
      <p className={styles.lead}>
        Sign-ins, users, API tokens, share links, acknowledgements and mutes: who did it, newest first.
      </p>
      <AdminListState
        // An error after the first page leaves the entries read so far, and says so below them.
        load={{
          data: audit.entries,
          error: audit.entries.length === 0 ? audit.error : undefined,
          isLoading: audit.isLoading,
        }}
        failed="Could not load the audit log"
        loading="Loading the audit log…"
        isEmpty={(entries) => entries.length === 0}
        empty={<EmptyState title="Nothing recorded yet" />}
      >
        {(entries) => (
          <>
            <AuditTable entries={entries} />
            {audit.error ? (
              <p className={styles.formError} role="alert">
                Could not load more: {audit.error.message}
              </p>
            ) : null}
            <div className={styles.more}>
              {audit.more ? (
                <Button onClick={audit.loadMore} disabled={audit.loadingMore} data-testid="audit-more">
                  {audit.loadingMore ? 'Loading…' : 'Load more'}
                </Button>
              ) : (
                <p className={styles.muted}>The log begins here.</p>
              )}
            </div>
          </>
        )}
      </AdminListState>
    </section>
  );
}
